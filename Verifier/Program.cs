using Blocktrack.Verifier;

return await VerifierCommand.RunAsync(args, Console.Out, CancellationToken.None);
