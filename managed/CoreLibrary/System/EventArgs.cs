namespace System
{
    /// <summary>The base of event data; Empty for events that carry none.</summary>
    public class EventArgs
    {
        public static readonly EventArgs Empty = new EventArgs();
    }
}
