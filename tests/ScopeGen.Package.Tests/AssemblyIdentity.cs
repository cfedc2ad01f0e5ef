using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ScopeGen.Package.Tests;

/// <summary>An assembly's identity, its references and its <c>AssemblyMetadata</c>, read without loading it.</summary>
public sealed record AssemblyIdentity(
    string Name,
    Version Version,
    bool HasPublicKey,
    IReadOnlyList<AssemblyIdentity.Reference> References,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>A referenced assembly: name, version and whether it names a public key token.</summary>
    public sealed record Reference(string Name, Version Version, bool HasPublicKeyToken);

    public static AssemblyIdentity Read(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        var assembly = reader.GetAssemblyDefinition();

        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => new Reference(reader.GetString(reference.Name), reference.Version, !reference.PublicKeyOrToken.IsNil && reader.GetBlobBytes(reference.PublicKeyOrToken).Length > 0))
            .ToList();

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in assembly.GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            // Blob: prolog 0x0001, then the key and the value as serialized strings.
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key is not null)
            {
                metadata[key] = value ?? "";
            }
        }

        return new AssemblyIdentity(
            reader.GetString(assembly.Name),
            assembly.Version,
            !assembly.PublicKey.IsNil && reader.GetBlobBytes(assembly.PublicKey).Length > 0,
            references,
            metadata);
    }
}
