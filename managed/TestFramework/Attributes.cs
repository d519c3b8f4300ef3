using System;

namespace nanoFramework.TestFramework
{
    /// <summary>A class holding tests. Its tests share one instance, made with its parameterless constructor.</summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    /// <summary>A test: a method without parameters, or with parameters and one [DataRow] per run.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    /// <summary>Runs before each test of its class (at most one per class, no parameters).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs after each test of its class whose Setup returned (at most one per class, no parameters).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>
    /// One run of a test with these arguments: constants only (bool, char, integers, float, double, string, null),
    /// each of the parameter's exact type (any of them for an object parameter; null gives a value type's zero).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] data)
        {
            MethodParameters = data;
        }

        public object[] MethodParameters { get; }
    }
}
