namespace MetadataProcessor.Input;

/// <summary>
/// Puts the inputs in dependency order (every assembly after the ones it references, so mscorlib comes first
/// and the app last), refusing duplicates, missing references, version mismatches and cycles by name.
/// Among assemblies that could go next, one without an entry point goes first, then input order decides,
/// so the order is the same for the same inputs.
/// </summary>
public static class AssemblyOrder
{
    public static IReadOnlyList<InputAssembly> Sort(IReadOnlyList<InputAssembly> inputs)
    {
        if (inputs.Count == 0)
            throw new ToolException("no input assemblies");
        var byName = new Dictionary<string, InputAssembly>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (byName.TryGetValue(input.Name, out var other))
                throw new ToolException($"assembly {input.Name} is given twice: {other.Source} and {input.Source}");
            byName.Add(input.Name, input);
        }

        foreach (var input in inputs)
        {
            foreach (var reference in input.References)
            {
                if (!byName.TryGetValue(reference.Name, out var target))
                    throw new ToolException(
                        $"{input.Name} references {reference}, which is not among the input assemblies; add {reference.Name}.dll to the inputs");
                if (target.Version.Major != reference.Version.Major || target.Version.Minor != reference.Version.Minor)
                    throw new ToolException(
                        $"{input.Name} was built against {reference}, but the input {target.Name} is {target.Version}; " +
                        "the runtime needs the same major.minor, so rebuild it against this one");
            }
        }

        var entryPoints = inputs.Where(i => i.HasEntryPoint).ToList();
        if (entryPoints.Count > 1)
            throw new ToolException($"more than one assembly has an entry point: {string.Join(", ", entryPoints.Select(e => e.Name))}; deploy one application");

        var placed = new HashSet<string>(StringComparer.Ordinal);
        var order = new List<InputAssembly>();
        while (order.Count < inputs.Count)
        {
            var ready = inputs
                .Where(i => !placed.Contains(i.Name) && i.References.All(r => placed.Contains(r.Name)))
                .OrderBy(i => i.HasEntryPoint)
                .FirstOrDefault();
            if (ready is null)
                throw new ToolException($"assemblies reference each other in a cycle: {DescribeCycle(inputs.Where(i => !placed.Contains(i.Name)).ToList(), byName)}");
            order.Add(ready);
            placed.Add(ready.Name);
        }
        return order;
    }

    /// <summary>Follows references among the unplaced assemblies until one repeats: "A → B → A".</summary>
    private static string DescribeCycle(IReadOnlyList<InputAssembly> remaining, Dictionary<string, InputAssembly> byName)
    {
        var names = remaining.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var path = new List<string>();
        var current = remaining[0];
        while (!path.Contains(current.Name))
        {
            path.Add(current.Name);
            current = byName[current.References.First(r => names.Contains(r.Name)).Name];
        }
        var cycle = path.Skip(path.IndexOf(current.Name)).Append(current.Name);
        return string.Join(" → ", cycle);
    }
}
