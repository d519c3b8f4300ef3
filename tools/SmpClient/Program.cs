using Nrf5340Sdk.Smp.Cli;

return SmpCommandLine.Run(args, Console.Out, Console.Error);
