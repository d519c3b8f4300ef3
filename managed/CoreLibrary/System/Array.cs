using System.Collections;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// The base of every array type (single-dimension, zero-based: C#'s T[]). C# reads and writes a typed array
    /// with IL instructions; the members here serve code that holds an array as Array, IList, ICollection,
    /// IEnumerable or object. Values are boxed and unboxed by GetValue/SetValue (internal calls).
    /// </summary>
    public abstract class Array : IList, IPositional
    {
        private const string FixedSize = "Collection was of a fixed size.";
        private const string TypeMismatch = "Source array type cannot be assigned to destination array type.";

        private protected Array()
        {
        }

        public extern int Length
        {
            [MethodImpl(MethodImplOptions.InternalCall)]
            get;
        }

        public int Rank
        {
            get { return 1; }
        }

        public bool IsFixedSize
        {
            get { return true; }
        }

        public bool IsReadOnly
        {
            get { return false; }
        }

        public bool IsSynchronized
        {
            get { return false; }
        }

        public object SyncRoot
        {
            get { return this; }
        }

        int ICollection.Count
        {
            get { return Length; }
        }

        int IPositional.Count
        {
            get { return Length; }
        }

        int IPositional.Version
        {
            get { return 0; } // an array's length never changes; element writes do not end an enumeration
        }

        object IList.this[int index]
        {
            get { return GetValue(index); }
            set { SetValue(value, index); }
        }

        /// <summary>The element at index, boxed when it is a value (a struct: a copy).</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern object GetValue(int index);

        /// <summary>Stores value (null: the default value) at index; InvalidCastException when it does not fit.</summary>
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern void SetValue(object value, int index);

        public IEnumerator GetEnumerator()
        {
            return new PositionEnumerator(this, PositionEnumerator.Modified);
        }

        object IPositional.ItemAt(int position)
        {
            return GetValue(position);
        }

        public void CopyTo(Array array, int index)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("destinationArray");
            }

            if (index < 0)
            {
                throw new ArgumentOutOfRangeException("destinationIndex", index, "destinationIndex ('" + index.ToString() + "') must be greater than or equal to '0'.");
            }

            Copy(this, 0, array, index, Length);
        }

        int IList.Add(object value)
        {
            throw new NotSupportedException(FixedSize);
        }

        void IList.Clear()
        {
            Clear(this, 0, Length);
        }

        bool IList.Contains(object value)
        {
            return IndexOf(this, value) >= 0;
        }

        int IList.IndexOf(object value)
        {
            return IndexOf(this, value);
        }

        void IList.Insert(int index, object value)
        {
            throw new NotSupportedException(FixedSize);
        }

        void IList.Remove(object value)
        {
            throw new NotSupportedException(FixedSize);
        }

        void IList.RemoveAt(int index)
        {
            throw new NotSupportedException(FixedSize);
        }

        /// <summary>Sets length elements from index to their default value.</summary>
        public static void Clear(Array array, int index, int length)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array");
            }

            if (index < 0 || length < 0 || index > array.Length - length)
            {
                throw new IndexOutOfRangeException();
            }

            for (int i = 0; i < length; i++)
            {
                array.SetValue(null, index + i);
            }
        }

        public static void Copy(Array sourceArray, Array destinationArray, int length)
        {
            Copy(sourceArray, 0, destinationArray, 0, length);
        }

        /// <summary>
        /// Copies between arrays of the same element type, between primitive arrays whose values widen (int[] into
        /// long[]), from an array of references to one whose element type takes each element, or boxes values into
        /// an object[]; overlapping ranges of one array are copied safely.
        /// </summary>
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            CheckCopy(sourceArray, sourceIndex, destinationArray, destinationIndex, length);
            Type sourceElement = sourceArray.GetType().GetElementType();
            Type targetElement = destinationArray.GetType().GetElementType();
            bool checkEach = false;
            bool widening = false;
            if (sourceElement != targetElement)
            {
                widening = sourceElement.IsPrimitive && targetElement.IsPrimitive;
                if (!widening && (sourceElement.IsValueType ? targetElement != typeof(object) : targetElement.IsValueType))
                {
                    throw new ArrayTypeMismatchException(TypeMismatch);
                }

                checkEach = !targetElement.IsAssignableFrom(sourceElement);
            }

            bool backwards = sourceArray == destinationArray && sourceIndex < destinationIndex;
            for (int n = 0; n < length; n++)
            {
                int i = backwards ? length - 1 - n : n;
                object item = sourceArray.GetValue(sourceIndex + i);
                if (widening)
                {
                    try
                    {
                        destinationArray.SetValue(item, destinationIndex + i);
                    }
                    catch (ArgumentException)
                    {
                        throw new ArrayTypeMismatchException(TypeMismatch); // values that do not widen (long into int[])
                    }

                    continue;
                }

                if (checkEach && item != null && !targetElement.IsInstanceOfType(item))
                {
                    throw new InvalidCastException("Unable to cast object of type '" + item.GetType().FullName + "' to type '" + targetElement.FullName + "'.");
                }

                destinationArray.SetValue(item, destinationIndex + i);
            }
        }

        private static void CheckCopy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length)
        {
            if (sourceArray == null)
            {
                throw ThrowHelper.Null("sourceArray");
            }

            if (destinationArray == null)
            {
                throw ThrowHelper.Null("destinationArray");
            }

            if (length < 0)
            {
                throw ThrowHelper.Negative("length", length);
            }

            if (sourceIndex < 0)
            {
                throw new ArgumentOutOfRangeException("sourceIndex", sourceIndex, "sourceIndex ('" + sourceIndex.ToString() + "') must be greater than or equal to '0'.");
            }

            if (destinationIndex < 0)
            {
                throw new ArgumentOutOfRangeException("destinationIndex", destinationIndex, "destinationIndex ('" + destinationIndex.ToString() + "') must be greater than or equal to '0'.");
            }

            if (sourceIndex > sourceArray.Length - length)
            {
                throw new ArgumentException("Source array was not long enough. Check the source index, length, and the array's lower bounds.", "sourceArray");
            }

            if (destinationIndex > destinationArray.Length - length)
            {
                throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destinationArray");
            }
        }

        public static int IndexOf(Array array, object value)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array");
            }

            return IndexOf(array, value, 0, array.Length);
        }

        /// <summary>The first index in [startIndex, startIndex + count) whose element equals value (Object.Equals), or -1.</summary>
        public static int IndexOf(Array array, object value, int startIndex, int count)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array");
            }

            if (startIndex < 0 || startIndex > array.Length)
            {
                throw ThrowHelper.OutOfRange("startIndex", ThrowHelper.IndexMustBeLessOrEqual);
            }

            if (count < 0 || count > array.Length - startIndex)
            {
                throw ThrowHelper.OutOfRange("count", ThrowHelper.CountInString);
            }

            for (int i = startIndex; i < startIndex + count; i++)
            {
                object item = array.GetValue(i);
                if (value == null ? item == null : value.Equals(item))
                {
                    return i;
                }
            }

            return -1;
        }

        public static int LastIndexOf(Array array, object value)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array");
            }

            for (int i = array.Length - 1; i >= 0; i--)
            {
                object item = array.GetValue(i);
                if (value == null ? item == null : value.Equals(item))
                {
                    return i;
                }
            }

            return -1;
        }

        public static void Reverse(Array array)
        {
            if (array == null)
            {
                throw ThrowHelper.Null("array");
            }

            for (int i = 0, j = array.Length - 1; i < j; i++, j--)
            {
                object item = array.GetValue(i);
                array.SetValue(array.GetValue(j), i);
                array.SetValue(item, j);
            }
        }
    }
}
