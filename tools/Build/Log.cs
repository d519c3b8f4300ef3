namespace Nrf5340Sdk.Build;

public static class Log
{
    public static void Section(string title) => Console.WriteLine($"\n== {title} ==");
    public static void Step(string text) => Console.WriteLine($"-- {text}");
    public static void Info(string text) => Console.WriteLine(text);
    public static void Warn(string text) => Console.Error.WriteLine($"warning: {text}");
    public static void Error(string text) => Console.Error.WriteLine($"error: {text}");
}
