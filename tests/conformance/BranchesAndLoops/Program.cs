using System;

// Control flow: if/else, while, do/while, for, break/continue, short-circuit operators, the conditional
// operator, and switch statements both dense (an IL jump table) and sparse (compare chains).
internal static class Program
{
    private static int s_evaluations;

    private static void Main()
    {
        Console.WriteLine("BranchesAndLoops");

        Console.WriteLine("-- if / else");
        for (int i = -2; i <= 12; i += 2)
        {
            Console.Write(i);
            Console.Write(" is ");
            Console.WriteLine(Classify(i));
        }

        Console.WriteLine("-- while: Collatz steps");
        CollatzSteps(1);
        CollatzSteps(6);
        CollatzSteps(27);
        CollatzSteps(97);

        Console.WriteLine("-- do / while: digit sums");
        DigitSum(0);
        DigitSum(9875);
        DigitSum(2147483647);

        Console.WriteLine("-- for with break and continue: primes below 60");
        Primes(60);

        Console.WriteLine("-- nested loops: multiplication table");
        for (int row = 1; row <= 5; row++)
        {
            for (int col = 1; col <= 5; col++)
            {
                if (col > 1)
                {
                    Console.Write(" ");
                }

                Console.Write(row * col);
            }

            Console.WriteLine();
        }

        Console.WriteLine("-- leaving nested loops early: first factor pair a * b with 1 < a < b");
        FirstPair(42);
        FirstPair(97);
        FirstPair(91);

        Console.WriteLine("-- dense switch (jump table)");
        for (int day = -1; day <= 7; day++)
        {
            Console.Write(day);
            Console.Write(" -> ");
            Console.WriteLine(DayName(day));
        }

        Console.WriteLine("-- sparse switch");
        Sparse(1);
        Sparse(10);
        Sparse(100);
        Sparse(1000);
        Sparse(-1000);
        Sparse(55);

        Console.WriteLine("-- switch with fall-through groups and a computed result");
        for (int n = 0; n <= 9; n++)
        {
            Console.Write(n);
            Console.Write(": ");
            Console.WriteLine(Group(n));
        }

        Console.WriteLine("-- switch expression");
        for (int n = 0; n <= 6; n++)
        {
            Console.Write(n);
            Console.Write(" -> ");
            Console.WriteLine(Roman(n));
        }

        Console.WriteLine("-- short-circuit evaluation");
        ShortCircuit(0);
        ShortCircuit(5);
        ShortCircuit(-5);

        Console.WriteLine("-- conditional operator");
        Console.WriteLine(Sign(-8));
        Console.WriteLine(Sign(0));
        Console.WriteLine(Sign(8));
        Console.WriteLine(Max3(3, 9, 4));
        Console.WriteLine(Max3(9, 3, 4));
        Console.WriteLine(Max3(3, 4, 9));

        Console.WriteLine("-- long and double loop counters");
        long big = 1L;
        int doublings = 0;
        while (big < 1000000000000L)
        {
            big *= 2;
            doublings++;
        }

        Console.Write(doublings);
        Console.Write(" doublings reach ");
        Console.WriteLine(big);
        int halvings = 0;
        for (double x = 1.0; x > 1e-10; x /= 2.0)
        {
            halvings++;
        }

        Console.Write("halvings below 1e-10: ");
        Console.WriteLine(halvings);

        Console.WriteLine("-- a long-running loop");
        int checksum = 0;
        for (int i = 0; i < 100000; i++)
        {
            checksum = checksum * 31 + (i ^ (i >> 3));
        }

        Console.Write("checksum = ");
        Console.WriteLine(checksum);
    }

    private static string Classify(int n)
    {
        if (n < 0)
        {
            return "negative";
        }
        else if (n == 0)
        {
            return "zero";
        }
        else if (n < 10)
        {
            if (n % 4 == 0)
            {
                return "a small multiple of 4";
            }

            return "small";
        }
        else
        {
            return "large";
        }
    }

    private static void CollatzSteps(int start)
    {
        int n = start;
        int steps = 0;
        int peak = n;
        while (n != 1)
        {
            if ((n & 1) == 0)
            {
                n /= 2;
            }
            else
            {
                n = 3 * n + 1;
            }

            if (n > peak)
            {
                peak = n;
            }

            steps++;
        }

        Console.Write(start);
        Console.Write(": ");
        Console.Write(steps);
        Console.Write(" steps, peak ");
        Console.WriteLine(peak);
    }

    private static void DigitSum(int value)
    {
        int n = value;
        int sum = 0;
        int digits = 0;
        do
        {
            sum += n % 10;
            n /= 10;
            digits++;
        }
        while (n > 0);

        Console.Write(value);
        Console.Write(": ");
        Console.Write(digits);
        Console.Write(" digits, sum ");
        Console.WriteLine(sum);
    }

    private static void Primes(int limit)
    {
        int count = 0;
        for (int n = 2; n < limit; n++)
        {
            bool composite = false;
            for (int d = 2; d * d <= n; d++)
            {
                if (n % d == 0)
                {
                    composite = true;
                    break;
                }
            }

            if (composite)
            {
                continue;
            }

            if (count > 0)
            {
                Console.Write(" ");
            }

            Console.Write(n);
            count++;
        }

        Console.WriteLine();
        Console.Write("count ");
        Console.WriteLine(count);
    }

    private static void FirstPair(int product)
    {
        bool found = false;
        int a = 2;
        while (a <= product && !found)
        {
            for (int b = a + 1; b <= product; b++)
            {
                if (a * b == product)
                {
                    Console.Write(a);
                    Console.Write(" * ");
                    Console.Write(b);
                    Console.Write(" = ");
                    Console.WriteLine(product);
                    found = true;
                    break;
                }
            }

            a++;
        }

        if (!found)
        {
            Console.Write("none for ");
            Console.WriteLine(product);
        }
    }

    private static string DayName(int day)
    {
        switch (day)
        {
            case 0:
                return "Sunday";
            case 1:
                return "Monday";
            case 2:
                return "Tuesday";
            case 3:
                return "Wednesday";
            case 4:
                return "Thursday";
            case 5:
                return "Friday";
            case 6:
                return "Saturday";
            default:
                return "not a day";
        }
    }

    private static void Sparse(int value)
    {
        string name;
        switch (value)
        {
            case 1:
                name = "one";
                break;
            case 10:
                name = "ten";
                break;
            case 100:
                name = "hundred";
                break;
            case 1000:
                name = "thousand";
                break;
            case -1000:
                name = "minus thousand";
                break;
            default:
                name = "other";
                break;
        }

        Console.Write(value);
        Console.Write(" is ");
        Console.WriteLine(name);
    }

    private static int Group(int n)
    {
        int result = 0;
        switch (n)
        {
            case 0:
            case 1:
                result = 100;
                break;
            case 2:
            case 3:
            case 4:
                result = 200 + n;
                break;
            case 5:
                result = -5;
                break;
            case 7:
                result = 700;
                goto case 8;
            case 8:
                result += 8;
                break;
        }

        return result;
    }

    private static string Roman(int n)
    {
        return n switch
        {
            1 => "I",
            2 => "II",
            3 => "III",
            4 => "IV",
            5 => "V",
            _ => "?",
        };
    }

    private static bool Check(string name, bool result)
    {
        s_evaluations++;
        Console.Write("  evaluated ");
        Console.WriteLine(name);
        return result;
    }

    private static void ShortCircuit(int x)
    {
        s_evaluations = 0;
        Console.Write("x = ");
        Console.WriteLine(x);
        bool both = Check("x > 0", x > 0) && Check("x < 10", x < 10);
        Console.Write("  && gives ");
        Console.WriteLine(both);
        bool either = Check("x == 0", x == 0) || Check("x < 0", x < 0);
        Console.Write("  || gives ");
        Console.WriteLine(either);
        bool negated = !(x > 0) ^ (x < 0);
        Console.Write("  !(x > 0) ^ (x < 0) gives ");
        Console.WriteLine(negated);
        Console.Write("  evaluations: ");
        Console.WriteLine(s_evaluations);
    }

    private static int Sign(int n)
    {
        return n < 0 ? -1 : n > 0 ? 1 : 0;
    }

    private static int Max3(int a, int b, int c)
    {
        int ab = a > b ? a : b;
        return ab > c ? ab : c;
    }
}
