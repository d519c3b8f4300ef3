namespace ImageTool;

/// <summary>
/// A refusal caused by the user's input. The message is all the user sees, so it names the rule and the values.
/// </summary>
public sealed class ToolException(string message) : Exception(message);
