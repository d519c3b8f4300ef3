namespace MetadataProcessor;

/// <summary>
/// A refusal caused by the input assemblies. The message is all the user sees, so it names the assembly, the
/// member and, inside IL, the offset. It may hold several lines, one per problem found.
/// </summary>
public sealed class ToolException(string message) : Exception(message);
