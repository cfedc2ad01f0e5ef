namespace ScopeGen.Package.Tests;

/// <summary>
/// Every package test class shares one <see cref="PackageFixture"/>: ScopeGen is packed once, and the
/// classes run one after another (each consumer build already keeps both cores busy).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "ScopeGen package";
}
