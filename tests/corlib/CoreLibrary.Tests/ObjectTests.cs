using nanoFramework.TestFramework;

namespace CoreLibrary.Tests
{
    [TestClass]
    public class ObjectTests
    {
        private class Point
        {
            public int X;

            public override bool Equals(object obj) => obj is Point p && p.X == X;

            public override int GetHashCode() => X;
        }

        [TestMethod]
        public void Equals_of_distinct_objects_is_reference_equality()
        {
            object a = new object(), b = new object();
            Assert.IsTrue(a.Equals(a));
            Assert.IsFalse(a.Equals(b));
            Assert.IsFalse(a.Equals(null));
            Assert.AreNotSame(a, b);
            Assert.IsTrue(ReferenceEquals(a, a));
        }

        [TestMethod]
        public void Static_Equals_handles_nulls_then_calls_the_override()
        {
            Assert.IsTrue(Equals(null, null));
            Assert.IsFalse(Equals(new Point(), null));
            Assert.IsFalse(Equals(null, new Point()));
            Assert.IsTrue(Equals(new Point { X = 2 }, new Point { X = 2 }));
            Assert.IsFalse(Equals(new Point { X = 2 }, new Point { X = 3 }));
            Assert.AreEqual(new Point { X = 4 }, new Point { X = 4 });
            Assert.AreNotEqual(new Point { X = 4 }, new Point { X = 5 });
        }

        [TestMethod]
        public void A_hash_code_is_stable_and_overridable()
        {
            var o = new object();
            Assert.AreEqual(o.GetHashCode(), o.GetHashCode());
            Assert.AreEqual(7, new Point { X = 7 }.GetHashCode());
        }

        [TestMethod]
        public void ToString_is_the_full_type_name()
        {
            Assert.AreEqual("System.Object", new object().ToString());
            Assert.AreEqual("CoreLibrary.Tests.ObjectTests+Point", new Point().ToString());
            Assert.AreEqual("System.Int32[]", new int[0].ToString());
        }

        [TestMethod]
        public void Type_tests_follow_the_class_hierarchy()
        {
            object e = new System.DivideByZeroException();
            Assert.IsTrue(e is System.ArithmeticException);
            Assert.IsTrue(e is System.SystemException);
            Assert.IsFalse(e is System.OverflowException);
            Assert.IsNull(e as string);
        }
    }
}
