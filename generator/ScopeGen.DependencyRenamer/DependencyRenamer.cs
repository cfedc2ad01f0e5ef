using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace ScopeGen.DependencyRenamer;

/// <summary>
/// Copies assemblies to an output folder, renaming some of them (assembly name, module name, file name)
/// and rewriting every reference to a renamed assembly. A renamed assembly loses its strong name: its
/// new identity is ScopeGen's, and nothing that expects the original public key token references it.
/// </summary>
public static class DependencyRenamer
{
    /// <summary>Writes each of <paramref name="inputs"/> to <paramref name="outputDirectory"/>; returns the paths written.</summary>
    public static IReadOnlyList<string> Run(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, string> renames, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var resolver = new DefaultAssemblyResolver();
        foreach (var directory in inputs.Select(input => Path.GetDirectoryName(Path.GetFullPath(input))!).Distinct(StringComparer.Ordinal))
        {
            resolver.AddSearchDirectory(directory);
        }

        var written = new List<string>();
        foreach (var input in inputs)
        {
            // Read fully into memory: the output may be written over the input's folder.
            using var module = ModuleDefinition.ReadModule(new MemoryStream(File.ReadAllBytes(input)), new ReaderParameters { AssemblyResolver = resolver });
            var changed = false;
            if (renames.TryGetValue(module.Assembly.Name.Name, out var newName))
            {
                module.Assembly.Name.Name = newName;
                module.Assembly.Name.PublicKey = [];
                module.Assembly.Name.HasPublicKey = false;
                module.Attributes &= ~ModuleAttributes.StrongNameSigned;
                module.Name = newName + ".dll";
                changed = true;
            }

            foreach (var reference in module.AssemblyReferences)
            {
                if (renames.TryGetValue(reference.Name, out var referenceName))
                {
                    reference.Name = referenceName;
                    reference.PublicKeyToken = [];
                    changed = true;
                }
            }

            var target = Path.Combine(outputDirectory, module.Assembly.Name.Name + Path.GetExtension(input));
            if (changed)
            {
                module.Write(target, new WriterParameters { DeterministicMvid = true });
            }
            else
            {
                File.Copy(input, target, overwrite: true);
            }

            written.Add(Path.GetFullPath(target));
        }

        return written;
    }
}
