using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The .NET twin of the runtime's native runner (nf-interpreter-port/clr/clr_test_runner.c): the same tests in
    /// the same order (metadata order: classes, methods, DataRows), the same rules and the same lines, so one test
    /// assembly run both ways must print the same text.
    /// </summary>
    public static class TestRunner
    {
        private enum Verdict { Pass, Fail, Skip }

        private sealed class Outcome
        {
            public Verdict Verdict = Verdict.Pass;
            public string Type;
            public string Message;

            public static Outcome Of(Exception e) => new()
            {
                Verdict = e.GetType() == typeof(SkipTestException) ? Verdict.Skip : Verdict.Fail,
                Type = e.GetType().FullName,
                Message = e.Message,
            };

            public static Outcome Failure(string type, string message) => new() { Verdict = Verdict.Fail, Type = type, Message = message };
        }

        private const BindingFlags Members = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic |
                                             BindingFlags.Instance | BindingFlags.Static;

        /// <summary>Runs every test of the assembly, writing one line per test and the summary; true when none failed.</summary>
        public static bool Run(Assembly assembly, TextWriter output)
        {
            int passed = 0, failed = 0, skipped = 0;
            Type instanceType = null;
            object instance = null;
            foreach (var type in assembly.GetTypes().Where(t => t.IsDefined(typeof(TestClassAttribute), false)).OrderBy(t => t.MetadataToken))
            {
                var methods = type.GetMethods(Members).OrderBy(m => m.MetadataToken).ToList();
                var setup = methods.FirstOrDefault(m => m.IsDefined(typeof(SetupAttribute), false));
                var cleanup = methods.FirstOrDefault(m => m.IsDefined(typeof(CleanupAttribute), false));
                foreach (var method in methods)
                {
                    var rows = method.GetCustomAttributes<DataRowAttribute>(false).ToList();
                    if (!method.IsDefined(typeof(TestMethodAttribute), false) && rows.Count == 0)
                        continue;
                    foreach (var row in rows.Count == 0 ? [null] : rows)
                    {
                        object[] data = row == null ? null : row.MethodParameters ?? [null];
                        bool needsInstance = new[] { method, setup, cleanup }.Any(m => m != null && !m.IsStatic);
                        if (needsInstance && instanceType != type)
                            (instanceType, instance) = (null, null);
                        var outcome = RunOne(type, method, setup, cleanup, data, needsInstance, ref instance);
                        if (instance != null)
                            instanceType = type;
                        output.Write(Line(outcome, type, method, data));
                        passed += outcome.Verdict == Verdict.Pass ? 1 : 0;
                        failed += outcome.Verdict == Verdict.Fail ? 1 : 0;
                        skipped += outcome.Verdict == Verdict.Skip ? 1 : 0;
                    }
                }
            }
            output.Write($"{passed} passed, {failed} failed{(skipped > 0 ? $", {skipped} skipped" : "")}\n");
            output.Flush();
            return failed == 0;
        }

        private static string Line(Outcome outcome, Type type, MethodInfo method, object[] data)
        {
            string label = outcome.Verdict switch { Verdict.Pass => "PASS", Verdict.Fail => "FAIL", _ => "SKIP" };
            string name = $"{type.FullName}.{method.Name}" + (data == null ? "" : $"({string.Join(", ", data.Select(Format))})");
            return outcome.Verdict == Verdict.Pass ? $"{label} {name}\n" : $"{label} {name}: {outcome.Type}: {outcome.Message}\n";
        }

        private static string Format(object value) => value switch
        {
            null => "null",
            bool b => b ? "True" : "False",
            char c => $"'{c}'",
            string s => $"\"{s}\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

        /// <summary>The class's instance (made when a method needs one), Setup, the test, Cleanup when Setup returned.</summary>
        private static Outcome RunOne(Type type, MethodInfo method, MethodInfo setup, MethodInfo cleanup, object[] data,
                                      bool needsInstance, ref object instance)
        {
            if (needsInstance && instance == null)
            {
                var ctor = type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
                if (ctor == null || type.IsAbstract)
                    return Outcome.Failure("System.MissingMethodException", $"No parameterless constructor defined for type '{type.FullName}'.");
                var made = Call(ctor, null, null, out Outcome failure);
                if (failure != null)
                    return failure;
                instance = made;
            }
            if (setup != null)
            {
                Call(setup, instance, null, out Outcome setupFailure);
                if (setupFailure != null)
                    return setupFailure;
            }
            var outcome = Arguments(method, data, out object[] args);
            if (outcome.Verdict == Verdict.Pass)
                Call(method, method.IsStatic ? null : instance, args, out outcome);
            outcome ??= new Outcome();
            if (cleanup == null)
                return outcome;
            Call(cleanup, instance, null, out Outcome after);
            if (after != null && (outcome.Verdict == Verdict.Pass || (after.Verdict == Verdict.Fail && outcome.Verdict == Verdict.Skip)))
                return after;
            return outcome;
        }

        /// <summary>Calls a method (target ignored when static) or a constructor; failure is null when it returned.</summary>
        private static object Call(MethodBase method, object target, object[] args, out Outcome failure)
        {
            failure = null;
            try
            {
                return method is ConstructorInfo ctor
                    ? ctor.Invoke(BindingFlags.DoNotWrapExceptions, null, null, null)
                    : method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, args, null);
            }
            catch (Exception e)
            {
                failure = Outcome.Of(e);
                return null;
            }
        }

        /// <summary>
        /// The DataRow's arguments as the native runner accepts them: as many as the parameters, each of the
        /// parameter's exact type, any value for object, null for a reference type, a primitive or an enum.
        /// </summary>
        private static Outcome Arguments(MethodInfo method, object[] data, out object[] args)
        {
            var parameters = method.GetParameters();
            args = data ?? [];
            if (args.Length != parameters.Length)
                return Outcome.Failure("System.Reflection.TargetParameterCountException", "Parameter count mismatch.");
            for (int k = 0; k < args.Length; k++)
            {
                var p = parameters[k].ParameterType;
                object a = args[k];
                bool fits = a == null
                    ? !p.IsByRef && (!p.IsValueType || p.IsPrimitive || p.IsEnum)
                    : p == typeof(object) || p == a.GetType();
                if (!fits)
                    return Outcome.Failure("System.ArgumentException",
                        $"DataRow argument {k + 1} ({(a == null ? "null" : a.GetType().FullName)}) does not fit the parameter's type.");
            }
            return new Outcome();
        }
    }
}
