using System;

namespace Conformance.Objects
{
    public class Animal
    {
        protected string name;
        private int legs;
        public static int Created;

        public Animal(string name, int legs)
        {
            this.name = name;
            this.legs = legs;
            Created = Created + 1;
        }

        public int Legs
        {
            get { return legs; }
            set { legs = value; }
        }

        public virtual string Sound()
        {
            return "...";
        }

        public virtual string Describe()
        {
            string says = name + " says " + Sound();
            return says + " on " + legs.ToString() + " legs";
        }

        public string Name()
        {
            return name;
        }
    }

    public class Dog : Animal
    {
        private int tricks;

        public Dog(string name) : this(name, 0)
        {
        }

        public Dog(string name, int tricks) : base(name, 4)
        {
            this.tricks = tricks;
        }

        public override string Sound()
        {
            return "woof";
        }

        public override string Describe()
        {
            return base.Describe() + " and knows " + tricks.ToString() + " tricks";
        }

        public void Learn()
        {
            tricks++;
        }
    }

    public sealed class Puppy : Dog
    {
        public Puppy(string name) : base(name)
        {
        }

        public override string Sound()
        {
            return "yip";
        }
    }

    public class Bird : Animal
    {
        public double WingSpan;

        public Bird(string name, double wingSpan) : base(name, 2)
        {
            WingSpan = wingSpan;
        }

        public new string Name()
        {
            return "bird " + name;
        }
    }

    public abstract class Shape
    {
        public abstract double Area();

        public override string ToString()
        {
            return "Shape with area " + Area().ToString();
        }
    }

    public class Rect : Shape
    {
        private readonly double w, h;

        public Rect(double w, double h)
        {
            this.w = w;
            this.h = h;
        }

        public override double Area()
        {
            return w * h;
        }
    }

    public class Square : Rect
    {
        public Square(double side) : base(side, side)
        {
        }

        public override string ToString()
        {
            return "Square, " + base.ToString();
        }
    }

    public class Node
    {
        public int Value;
        public Node Next;
        public long Big;
        public float Small;
        public byte Tiny;
        public bool Flag;
        public string Text;
    }

    public class Counter
    {
        private int count;

        public void Add(ref int total)
        {
            count++;
            total += count;
        }

        public int Count()
        {
            return count;
        }
    }

    public class Plain
    {
    }

    public class Outer
    {
        public class Inner
        {
        }
    }

    public static class Program
    {
        static void Main()
        {
            Inheritance();
            Fields();
            Casts();
            NullChecks();
            Console.WriteLine("done");
        }

        static void Inheritance()
        {
            Animal a = new Animal("generic", 3);
            Animal d = new Dog("rex", 2);
            Dog p = new Puppy("bit");
            Animal b = new Bird("tweety", 0.25);
            Console.WriteLine(a.Describe());
            Console.WriteLine(d.Describe());
            p.Learn();
            p.Learn();
            Console.WriteLine(p.Describe());
            Console.WriteLine(b.Describe());
            Console.WriteLine(b.Name());
            Console.WriteLine(((Bird)b).Name());
            d.Legs = 3;
            Console.Write(d.Legs.ToString() + " " + d.Sound());
            Console.WriteLine(" " + p.Sound());
            Console.WriteLine("created " + Animal.Created.ToString());
            Shape s = new Rect(2, 3.5);
            Shape q = new Square(1.5);
            Console.WriteLine(s.ToString());
            Console.WriteLine(q.ToString());
            Console.WriteLine(q.Area().ToString());
            object o = new Plain();
            Console.WriteLine(o.ToString());
            Console.WriteLine(new Outer.Inner().ToString());
            Console.WriteLine(a.ToString());
            Console.WriteLine("text".ToString());
        }

        static void Fields()
        {
            Node first = null;
            for (int i = 1; i <= 5; i++)
            {
                Node n = new Node();
                n.Value = i * i;
                n.Next = first;
                n.Big = (long)i << 40;
                n.Small = i / 3f;
                n.Tiny = (byte)(i * 100);
                n.Flag = i % 2 == 0;
                n.Text = "n" + i.ToString();
                first = n;
            }
            int sum = 0;
            for (Node n = first; n != null; n = n.Next)
            {
                sum += n.Value;
                Console.Write(n.Text + " " + n.Value.ToString());
                Console.WriteLine(" " + n.Big.ToString() + " " + n.Small.ToString());
                Console.WriteLine(n.Tiny.ToString() + " " + n.Flag.ToString());
            }
            Console.WriteLine("sum " + sum.ToString());
            Node empty = new Node();
            Console.Write((empty.Next == null).ToString() + " " + empty.Value.ToString());
            Console.WriteLine(" " + (empty.Text == null).ToString());
            Counter c = new Counter();
            int total = 0;
            c.Add(ref total);
            c.Add(ref total);
            c.Add(ref total);
            Console.Write("total " + total.ToString());
            Console.WriteLine(" count " + c.Count().ToString());
            first.Value += 100;
            first.Next.Value++;
            Console.WriteLine(first.Value.ToString() + " " + first.Next.Value.ToString());
        }

        static void Casts()
        {
            object[] none = null;
            Animal a = new Puppy("small");
            object o = a;
            Console.Write((o is Dog).ToString() + " " + (o is Bird).ToString());
            Console.WriteLine(" " + (o is Puppy).ToString());
            Dog d = o as Dog;
            Bird b = o as Bird;
            Console.Write((d != null).ToString() + " " + (b == null).ToString());
            Console.WriteLine(" " + (none == null).ToString());
            Animal back = (Animal)o;
            Console.WriteLine(back.Sound());
            object s = "str";
            Console.WriteLine((s is string).ToString() + " " + (s is Animal).ToString());
            object n = null;
            Console.WriteLine((n is Animal).ToString() + " " + ((Animal)n == null).ToString());
        }

        static void NullChecks()
        {
            Animal a = Pick(1);
            Console.Write(Same(a, a).ToString() + " " + Same(a, Pick(1)).ToString());
            Console.WriteLine(" " + Same(null, null).ToString());
            Console.WriteLine(object.ReferenceEquals(a, a).ToString() + " " + a.Equals(Pick(2)).ToString());
        }

        static Animal Pick(int i)
        {
            return i == 1 ? new Dog("one") : (Animal)new Bird("two", 1);
        }

        static bool Same(object a, object b)
        {
            return a == b;
        }
    }
}
