using System.CommandLine;

namespace MetadataProcessor.Cli;

/// <summary>`build --out deploy.bin a.dll b.dll ...`: the deployment image from compiled assemblies.</summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Deployment image to write (raw, starts at byte 0; sign it with imagetool for the managed_deploy slot)", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing on success" };
        var noFastCode = new Option<bool>("--no-fast-code") { Description = "Keep every method body as IL (by default the bodies that can be are translated into fast code)" };
        var inputs = new Argument<string[]>("assemblies")
        {
            Description = "The assemblies to deploy: mscorlib, the libraries and the app, in any order",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("build", "Turn compiled assemblies into one deployment image, in dependency order") { output, quiet, noFastCode, inputs };
        command.SetAction(r =>
        {
            var image = DeploymentBuilder.Build(r.GetValue(inputs)!, fastCode: !r.GetValue(noFastCode));
            string path = r.GetValue(output)!;
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            File.WriteAllBytes(path, image.Bytes);
            if (!r.GetValue(quiet))
            {
                var stdout = r.InvocationConfiguration.Output;
                foreach (var a in image.Assemblies)
                {
                    string checksum = a.InternalCalls > 0 ? $", {a.InternalCalls} internal calls (checksum 0x{a.NativeChecksum:x8})" : "";
                    string entry = a.HasEntryPoint ? ", entry point" : "";
                    string tests = a.Tests > 0 ? $", {a.Tests} tests" : "";
                    stdout.WriteLine($"{a.Name} {a.Version}: {a.Size} bytes at 0x{a.Offset:x}, {a.Types} types, {a.Methods} methods ({a.FastMethods} as fast code: {a.FastBytes} fast bytes, {a.IlBytes} IL bytes){checksum}{entry}{tests}");
                }
                stdout.WriteLine($"{path}: {image.Bytes.Length} bytes, {image.Assemblies.Count} assemblies");
            }
            return 0;
        });
        return command;
    }
}
