using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// <c>dotnet nanoFramework.TestFramework.dll Tests.dll</c>: runs the tests of the net10.0 build of a test project.
    /// Exit 0: no test failed; 1: nothing ran (arguments, assembly); 4: some tests failed (as nfclr_sim --test).
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 1)
            {
                Console.Error.WriteLine("usage: dotnet nanoFramework.TestFramework.dll TESTS.dll");
                return 1;
            }
            string path = Path.GetFullPath(args[0]);
            Assembly tests;
            try
            {
                // The test assembly's own dependencies lie beside it.
                AssemblyLoadContext.Default.Resolving += (context, name) =>
                {
                    string candidate = Path.Combine(Path.GetDirectoryName(path), name.Name + ".dll");
                    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
                };
                tests = AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException)
            {
                Console.Error.WriteLine($"cannot load {path}: {e.Message}");
                return 1;
            }
            return TestRunner.Run(tests, Console.Out) ? 0 : 4;
        }
    }
}
