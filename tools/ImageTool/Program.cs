return ImageTool.Cli.ImageToolCli.Run(args, Console.Out, Console.Error);
