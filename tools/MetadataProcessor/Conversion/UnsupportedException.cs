namespace MetadataProcessor.Conversion;

/// <summary>
/// Input the runtime does not support. <see cref="Exception.Message"/> says what, e.g. "generic method
/// instantiation (MethodSpec)"; the converter adds where and "is not supported by this runtime".
/// </summary>
internal sealed class UnsupportedException(string what) : Exception(what);

/// <summary>Input that is wrong rather than unsupported (unresolvable reference, malformed IL). The message is
/// complete; the converter adds where.</summary>
internal sealed class InvalidInputException(string message) : Exception(message);
