using System;

namespace Conformance.TypeInitializers
{
    public static class Counter
    {
        public static int Runs;
    }

    public class FailsOnField
    {
        public static int Value = 1;

        static FailsOnField()
        {
            Counter.Runs++;
            throw new InvalidOperationException("field initialiser failed");
        }
    }

    public class FailsOnCall
    {
        static FailsOnCall()
        {
            Counter.Runs++;
            int zero = Counter.Runs - Counter.Runs;
            Counter.Runs = 10 / zero;
        }

        public static int Get()
        {
            return 5;
        }
    }

    public class FailsOnNew
    {
        private static readonly string Text;

        static FailsOnNew()
        {
            try
            {
                Text = "set";
                throw new ArgumentException("inside");
            }
            finally
            {
                Console.WriteLine("finally in the static constructor");
            }
        }

        public override string ToString()
        {
            return Text;
        }
    }

    public class Outer
    {
        public class Inner
        {
            public static int Value;

            static Inner()
            {
                throw new NotSupportedException("nested");
            }
        }
    }

    public class CaughtInside
    {
        public static int Value;

        static CaughtInside()
        {
            try
            {
                throw new Exception("handled");
            }
            catch (Exception)
            {
                Value = 7;
            }
        }
    }

    public class Wraps
    {
        public static int Value;

        static Wraps()
        {
            Value = FailsOnCall.Get();
        }
    }

    public class Program
    {
        private static TypeInitializationException Caught(Action action)
        {
            try
            {
                action();
                Console.WriteLine("no exception");
            }
            catch (TypeInitializationException e)
            {
                Console.WriteLine(e.GetType().FullName + ": " + e.Message);
                Console.WriteLine("  type name: " + e.TypeName);
                Console.WriteLine("  inner: " + (e.InnerException == null ? "null" : e.InnerException.GetType().FullName + ": " + e.InnerException.Message));
                Console.WriteLine("  is SystemException " + (e is SystemException) + ", runs " + Counter.Runs);
                return e;
            }

            return null;
        }

        private static int ReadField()
        {
            return FailsOnField.Value;
        }

        public static void Main()
        {
            TypeInitializationException first = Caught(() => Console.WriteLine(ReadField()));
            TypeInitializationException second = Caught(() => FailsOnField.Value = 3);
            Console.WriteLine("the same exception again: " + (first == second));

            TypeInitializationException call = Caught(() => Console.WriteLine(FailsOnCall.Get()));
            Caught(() => Console.WriteLine(FailsOnCall.Get()));
            Console.WriteLine("inner is DivideByZeroException: " + (call.InnerException is DivideByZeroException));

            Caught(() => Console.WriteLine(new FailsOnNew().ToString()));
            Caught(() => Console.WriteLine(Outer.Inner.Value));
            Caught(() => Console.WriteLine(Wraps.Value));
            Caught(() => Console.WriteLine(Wraps.Value));
            Console.WriteLine("caught inside: " + CaughtInside.Value);

            try
            {
                try
                {
                    Console.WriteLine(FailsOnCall.Get());
                }
                finally
                {
                    Console.WriteLine("finally outside");
                }
            }
            catch (Exception e) when (e is TypeInitializationException)
            {
                Console.WriteLine("filtered: " + e.Message);
            }

            TypeInitializationException made = new TypeInitializationException("A.B", null);
            Console.WriteLine(made.Message + " | " + made.TypeName + " | " + (made.InnerException == null));
        }
    }
}
