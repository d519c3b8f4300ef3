namespace System
{
    /// <summary>The shape of .NET events: the sender and the event's data.</summary>
    public delegate void EventHandler(object sender, EventArgs e);
}
