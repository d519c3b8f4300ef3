using System;
using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    /// <summary>Arrays; Setup gives each test a fresh array and Cleanup checks the tests leave its length alone.</summary>
    [TestClass]
    public class ArrayTests
    {
        private int[] _numbers;

        [Setup]
        public void MakeNumbers()
        {
            _numbers = new int[] { 3, 1, 4, 1, 5 };
        }

        [Cleanup]
        public void LengthIsUnchanged()
        {
            Assert.AreEqual(5, _numbers.Length);
        }

        [TestMethod]
        public void Length_and_Array_Length_agree()
        {
            Array array = _numbers;
            Assert.AreEqual(5, array.Length);
            Assert.AreEqual(0, new string[0].Length);
        }

        [TestMethod]
        public void Elements_start_at_their_default_values()
        {
            var longs = new long[2];
            var doubles = new double[1];
            var flags = new bool[1];
            var strings = new string[3];
            var chars = new char[1];
            Assert.AreEqual(0L, longs[1]);
            Assert.AreEqual(0.0, doubles[0]);
            Assert.IsFalse(flags[0]);
            Assert.IsNull(strings[2]);
            Assert.AreEqual('\0', chars[0]);
        }

        [DataRow(0, 3)]
        [DataRow(4, 5)]
        public void Elements_read_back_what_was_written(int index, int value)
        {
            Assert.AreEqual(value, _numbers[index]);
            _numbers[index] = -value;
            Assert.AreEqual(-value, _numbers[index]);
        }

        [TestMethod]
        public void Small_element_types_truncate_like_dotnet()
        {
            var bytes = new byte[1];
            int big = 0x1FF;
            bytes[0] = (byte)big;
            Assert.AreEqual((byte)255, bytes[0]);
            var shorts = new short[] { short.MaxValue };
            shorts[0]++;
            Assert.AreEqual(short.MinValue, shorts[0]);
        }

        [DataRow(-1)]
        [DataRow(5)]
        public void An_index_outside_the_array_throws(int index)
        {
            try
            {
                _numbers[index] = 0;
                Assert.Fail("no exception");
            }
            catch (IndexOutOfRangeException e)
            {
                Assert.AreEqual("Index was outside the bounds of the array.", e.Message);
            }
        }

        [TestMethod]
        public void Storing_the_wrong_type_in_a_covariant_array_throws()
        {
            object[] objects = new string[1];
            try
            {
                objects[0] = new object();
                Assert.Fail("no exception");
            }
            catch (ArrayTypeMismatchException e)
            {
                Assert.AreEqual("Attempted to access an element as a type incompatible with the array.", e.Message);
            }
            objects[0] = "fits";
            Assert.AreEqual("fits", objects[0]);
        }

        [TestMethod]
        public void Arrays_of_arrays()
        {
            int[][] jagged = new int[2][];
            jagged[1] = _numbers;
            Assert.IsNull(jagged[0]);
            Assert.AreSame(_numbers, jagged[1]);
            Assert.AreEqual(4, jagged[1][2]);
        }
    }
}
