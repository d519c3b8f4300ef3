namespace System
{
    /// <summary>A method without parameters or result.</summary>
    public delegate void Action();
}
