using System.Threading;
using nanoFramework.TestFramework;

namespace Scenarios
{
    /// <summary>
    /// Threads started by a test run beside it (time slices on our runtime) and are joined by it. Here rather than
    /// in CoreLibrary.Tests: each thread's stack stays on the heap (no GC yet), more than QEMU's 64 KiB allow.
    /// </summary>
    [TestClass]
    public class ThreadTests
    {
        private readonly object _gate = new object();
        private int _locked;
        private int _interlocked;

        [TestMethod]
        public void Join_waits_for_the_thread()
        {
            int result = 0;
            var worker = new Thread(() =>
            {
                Thread.Sleep(5);
                result = 42;
            });
            worker.Start();
            worker.Join();
            Assert.AreEqual(42, result);
            Assert.IsFalse(worker.IsAlive);
        }

        [DataRow(2, 5000)]
        [DataRow(4, 1000)]
        public void Lock_and_Interlocked_count_every_increment(int threads, int increments)
        {
            _locked = 0;
            _interlocked = 0;
            var workers = new Thread[threads];
            for (int t = 0; t < threads; t++)
            {
                workers[t] = new Thread(() =>
                {
                    for (int i = 0; i < increments; i++)
                    {
                        lock (_gate)
                        {
                            _locked++;
                        }
                        Interlocked.Increment(ref _interlocked);
                    }
                });
                workers[t].Start();
            }
            for (int t = 0; t < threads; t++)
                workers[t].Join();
            Assert.AreEqual(threads * increments, _locked);
            Assert.AreEqual(threads * increments, _interlocked);
        }
    }
}
