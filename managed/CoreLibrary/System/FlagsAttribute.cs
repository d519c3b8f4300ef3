namespace System
{
    /// <summary>Marks an enum whose values are combined as bit flags.</summary>
    [AttributeUsage(AttributeTargets.Enum, Inherited = false)]
    public class FlagsAttribute : Attribute
    {
        public FlagsAttribute()
        {
        }
    }
}
