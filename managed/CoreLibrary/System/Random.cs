namespace System
{
    /// <summary>
    /// Pseudo-random numbers: for a seed, the same sequence as .NET's `new Random(seed)`, which is Knuth's
    /// subtractive generator (as published in Numerical Recipes) over a 55-entry table. Without a seed, the
    /// seed comes from the clock and a counter (.NET uses another generator then; no sequence is promised).
    /// </summary>
    public class Random
    {
        private const int MBig = int.MaxValue;
        private const int MSeed = 161803398;

        private readonly int[] _seedArray = new int[56];
        private int _inext;
        private int _inextp;

        private static int s_instances;

        public Random()
            : this(ClockSeed())
        {
        }

        public Random(int Seed)
        {
            int subtraction = Seed == int.MinValue ? int.MaxValue : Math.Abs(Seed);
            int mj = MSeed - subtraction;
            _seedArray[55] = mj;
            int mk = 1;
            for (int i = 1; i < 55; i++)
            {
                int ii = 21 * i % 55;
                _seedArray[ii] = mk;
                mk = mj - mk;
                if (mk < 0)
                {
                    mk += MBig;
                }

                mj = _seedArray[ii];
            }

            for (int k = 1; k < 5; k++)
            {
                for (int i = 1; i < 56; i++)
                {
                    int n = _seedArray[i] - _seedArray[1 + (i + 30) % 55];
                    _seedArray[i] = n < 0 ? n + MBig : n;
                }
            }

            _inext = 0;
            _inextp = 21;
        }

        // Differs for instances made within one clock tick.
        private static int ClockSeed()
        {
            long ticks = DateTime.UtcNow.Ticks;
            return (int)ticks ^ (int)(ticks >> 32) ^ (++s_instances * -1640531527); // the golden-ratio constant spreads the counter
        }

        /// <summary>0 .. int.MaxValue - 1.</summary>
        public virtual int Next()
        {
            return InternalSample();
        }

        public virtual int Next(int maxValue)
        {
            if (maxValue < 0)
            {
                throw ThrowHelper.Negative("maxValue", maxValue);
            }

            return (int)(Sample() * maxValue);
        }

        public virtual int Next(int minValue, int maxValue)
        {
            if (minValue > maxValue)
            {
                throw ThrowHelper.OutOfRange("minValue", "'minValue' cannot be greater than maxValue.");
            }

            long range = (long)maxValue - minValue;
            if (range <= int.MaxValue)
            {
                return (int)(Sample() * range) + minValue;
            }

            return (int)((long)(SampleForLargeRange() * range) + minValue);
        }

        public virtual double NextDouble()
        {
            return Sample();
        }

        public virtual void NextBytes(byte[] buffer)
        {
            if (buffer == null)
            {
                throw ThrowHelper.Null("buffer");
            }

            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)InternalSample();
            }
        }

        protected virtual double Sample()
        {
            return InternalSample() * (1.0 / MBig);
        }

        private int InternalSample()
        {
            int next = _inext + 1;
            if (next >= 56)
            {
                next = 1;
            }

            int nextp = _inextp + 1;
            if (nextp >= 56)
            {
                nextp = 1;
            }

            int result = _seedArray[next] - _seedArray[nextp];
            if (result == MBig)
            {
                result--;
            }

            if (result < 0)
            {
                result += MBig;
            }

            _seedArray[next] = result;
            _inext = next;
            _inextp = nextp;
            return result;
        }

        // Two samples for ranges wider than int.MaxValue: a sign from the second, scaled into [0, 1).
        private double SampleForLargeRange()
        {
            int result = InternalSample();
            if (InternalSample() % 2 == 0)
            {
                result = -result;
            }

            double d = result;
            d += int.MaxValue - 1;
            d /= 2.0 * int.MaxValue - 1;
            return d;
        }
    }
}
