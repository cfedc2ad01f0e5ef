using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ScopeGen.Package.Tests;

/// <summary>Reads a built assembly's metadata without loading it.</summary>
public sealed class AssemblyInspector
{
    private AssemblyInspector(IReadOnlyList<string> typeNames, IReadOnlyDictionary<string, string> stringConstants, string? targetFramework)
    {
        TypeNames = typeNames;
        StringConstants = stringConstants;
        TargetFramework = targetFramework;
    }

    /// <summary>Full type names; nested types as <c>Outer+Inner</c>.</summary>
    public IReadOnlyList<string> TypeNames { get; }

    /// <summary>String constants by <c>Type+Nested.Field</c>.</summary>
    public IReadOnlyDictionary<string, string> StringConstants { get; }

    /// <summary>The assembly's <c>TargetFrameworkAttribute</c> value, e.g. <c>.NETStandard,Version=v2.0</c>.</summary>
    public string? TargetFramework { get; }

    public static AssemblyInspector Read(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();

        var typeNames = new List<string>();
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = FullName(reader, type);
            typeNames.Add(name);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                var constantHandle = field.GetDefaultValue();
                if (constantHandle.IsNil)
                {
                    continue;
                }

                var constant = reader.GetConstant(constantHandle);
                if (constant.TypeCode == ConstantTypeCode.String)
                {
                    var blob = reader.GetBlobReader(constant.Value);
                    constants[name + "." + reader.GetString(field.Name)] = blob.ReadUTF16(blob.Length);
                }
            }
        }

        return new AssemblyInspector(typeNames, constants, ReadTargetFramework(reader));
    }

    public static AssemblyInspector Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        var name = reader.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            return FullName(reader, reader.GetTypeDefinition(declaring)) + "+" + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string? ReadTargetFramework(MetadataReader reader)
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference
                || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)constructor.Parent).Name) != "TargetFrameworkAttribute")
            {
                continue;
            }

            // Blob: prolog 0x0001, then the first fixed argument as a serialized string.
            var blob = reader.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            return blob.ReadSerializedString();
        }

        return null;
    }
}
