using System;

namespace Conformance.Exceptions
{
    public class AppException : Exception
    {
        public int Code;

        public AppException(string message, int code)
            : base(message)
        {
            Code = code;
        }
    }

    public class DetailException : AppException
    {
        public DetailException(string message)
            : base(message, 7)
        {
        }
    }

    public class QuietException : Exception
    {
    }

    public static class Program
    {
        static int Divide(int a, int b)
        {
            return a / b;
        }

        static void Thrower(int depth, string message)
        {
            if (depth == 0)
                throw new AppException(message, depth + 100);
            try
            {
                Thrower(depth - 1, message);
            }
            finally
            {
                Console.WriteLine("finally at depth " + depth.ToString());
            }
        }

        static int WithFinally(int x)
        {
            try
            {
                if (x > 0)
                    return x * 2;
                Console.WriteLine("not positive");
            }
            finally
            {
                Console.WriteLine("WithFinally finally " + x.ToString());
            }
            return -1;
        }

        static void RuntimeErrors(int zero)
        {
            try
            {
                Console.WriteLine(Divide(10, zero).ToString());
            }
            catch (DivideByZeroException e)
            {
                Console.WriteLine("caught: " + e.Message);
            }
            try
            {
                string s = null;
                if (zero == 0)
                    Console.WriteLine(s.Length.ToString());
            }
            catch (NullReferenceException e)
            {
                Console.WriteLine("caught: " + e.Message);
            }
            try
            {
                int[] a = new int[3];
                a[zero + 5] = 1;
            }
            catch (IndexOutOfRangeException e)
            {
                Console.WriteLine("caught: " + e.Message);
            }
            try
            {
                int big = int.MaxValue - zero;
                int r = checked(big + 1);
                Console.WriteLine(r.ToString());
            }
            catch (OverflowException e)
            {
                Console.WriteLine("caught: " + e.Message);
            }
            try
            {
                object o = "text";
                if (zero == 0)
                    o = new AppException("x", 1);
                DetailException d = (DetailException)o;
                Console.WriteLine(d.Message);
            }
            catch (InvalidCastException e)
            {
                Console.WriteLine("caught: " + e.Message);
            }
            try
            {
                object[] objs = new string[2];
                objs[zero] = new AppException("y", 2);
            }
            catch (ArrayTypeMismatchException e)
            {
                Console.WriteLine("caught: " + e.Message);
            }
            try
            {
                Console.WriteLine(Divide(1, zero).ToString());
            }
            catch (ArithmeticException e)
            {
                Console.WriteLine("caught as ArithmeticException: " + e.Message);
            }
            try
            {
                Console.WriteLine(Divide(2, zero).ToString());
            }
            catch (Exception e)
            {
                Console.WriteLine("caught as Exception: " + e.Message);
            }
        }

        static void Nested(int zero)
        {
            try
            {
                try
                {
                    Console.WriteLine("inner try");
                    Divide(3, zero);
                }
                catch (NullReferenceException)
                {
                    Console.WriteLine("wrong handler");
                }
                finally
                {
                    Console.WriteLine("inner finally");
                }
            }
            catch (DivideByZeroException)
            {
                Console.WriteLine("outer catch");
            }
            finally
            {
                Console.WriteLine("outer finally");
            }
        }

        static void ThrowInCatch()
        {
            try
            {
                try
                {
                    throw new AppException("first", 1);
                }
                catch (AppException e)
                {
                    Console.WriteLine("handling " + e.Message);
                    throw new DetailException("second");
                }
                finally
                {
                    Console.WriteLine("finally after catch");
                }
            }
            catch (DetailException e)
            {
                Console.WriteLine("then caught " + e.Message + " code " + e.Code.ToString());
            }
        }

        static void ThrowInFinally()
        {
            try
            {
                try
                {
                    throw new AppException("lost", 1);
                }
                finally
                {
                    Console.WriteLine("finally throws");
                    throw new AppException("replacement", 2);
                }
            }
            catch (AppException e)
            {
                Console.WriteLine("caught " + e.Message);
            }
        }

        static void Rethrow()
        {
            try
            {
                try
                {
                    throw new DetailException("rethrown");
                }
                catch (AppException e)
                {
                    Console.WriteLine("first " + e.Message);
                    throw;
                }
            }
            catch (Exception e)
            {
                Console.WriteLine("again " + e.Message);
                AppException a = e as AppException;
                if (a != null)
                    Console.WriteLine("code " + a.Code.ToString());
            }
        }

        static void LoopWithFinally()
        {
            for (int i = 0; i < 4; i++)
            {
                try
                {
                    if (i == 1)
                        continue;
                    if (i == 3)
                        break;
                    Console.WriteLine("body " + i.ToString());
                }
                finally
                {
                    Console.WriteLine("finally " + i.ToString());
                }
            }
        }

        static void CatchInFinally(int zero)
        {
            try
            {
                Console.WriteLine("try");
            }
            finally
            {
                try
                {
                    Divide(5, zero);
                }
                catch (DivideByZeroException e)
                {
                    Console.WriteLine("caught in finally: " + e.Message);
                }
            }
        }

        static bool Check(AppException e, int code)
        {
            Console.WriteLine("filter sees " + e.Message + " for " + code.ToString());
            return e.Code == code;
        }

        static bool ThrowingFilter(AppException e)
        {
            Console.WriteLine("throwing filter");
            object o = null;
            return o.ToString() == e.Message;
        }

        static void FilterInner()
        {
            try
            {
                throw new AppException("f", 2);
            }
            finally
            {
                Console.WriteLine("inner finally runs after the filters");
            }
        }

        static void Filters(int zero)
        {
            try
            {
                try
                {
                    FilterInner();
                }
                catch (AppException e) when (Check(e, 1))
                {
                    Console.WriteLine("wrong " + e.Message);
                }
            }
            catch (AppException e) when (Check(e, 2))
            {
                Console.WriteLine("filtered catch " + e.Message);
            }
            try
            {
                Divide(1, zero);
            }
            catch (DivideByZeroException e) when (zero == 0)
            {
                Console.WriteLine("runtime filter: " + e.Message);
            }
            try
            {
                try
                {
                    throw new AppException("g", 3);
                }
                catch (AppException e) when (ThrowingFilter(e))
                {
                    Console.WriteLine("wrong " + e.Message);
                }
            }
            catch (AppException e)
            {
                Console.WriteLine("after throwing filter " + e.Message);
            }
        }

        public static void Main()
        {
            Filters(0);
            RuntimeErrors(0);
            try
            {
                Thrower(3, "deep");
            }
            catch (AppException e)
            {
                Console.WriteLine("caught " + e.Message + " code " + e.Code.ToString());
            }
            Console.WriteLine(WithFinally(5).ToString());
            Console.WriteLine(WithFinally(-5).ToString());
            Nested(0);
            ThrowInCatch();
            ThrowInFinally();
            Rethrow();
            LoopWithFinally();
            CatchInFinally(0);
            Exception plain = new Exception("plain message");
            Console.WriteLine(plain.Message);
            Console.WriteLine(new QuietException().Message); // .NET's default names the type
            Console.WriteLine(new Exception().Message);
            Console.WriteLine("done");
        }
    }
}
