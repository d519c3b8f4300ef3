return MetadataProcessor.Cli.MetadataProcessorCli.Run(args, Console.Out, Console.Error);
