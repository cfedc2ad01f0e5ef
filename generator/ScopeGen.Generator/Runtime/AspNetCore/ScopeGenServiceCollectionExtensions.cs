// Runtime source: emitted into the consumer's compilation (see ../README.md). The generator writes the
// other half of this partial class: AddManifestPolicies, every manifest scope and preset.
namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registers ScopeGen's scope authorization.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("ScopeGen", "runtime")]
    public static partial class ScopeGenServiceCollectionExtensions
    {
        /// <summary>
        /// Adds authorization (<c>AddAuthorization()</c>), the scope options, the handler of
        /// <see cref="global::ScopeGen.AspNetCore.ScopeRequirement"/>, a policy provider that wraps the app's and
        /// resolves <c>[RequireScope]</c> / <c>.RequireScope()</c> and the manifest's scope and preset names,
        /// and the 403 that names the missing scopes. Register an app's own <c>IAuthorizationPolicyProvider</c> or
        /// <c>IAuthorizationMiddlewareResultHandler</c> before this call: it is wrapped, not replaced. A manifest
        /// scope or preset name that is also an app policy fails at start-up (see
        /// <see cref="global::ScopeGen.AspNetCore.ScopeAuthorizationOptions.NamedPolicies"/>).
        /// </summary>
        public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection AddScopeAuthorization(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>? configure = null)
        {
            if (services == null)
            {
                throw new global::System.ArgumentNullException(nameof(services));
            }

            var options = global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.AddOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>(services);
            if (configure != null)
            {
                options.Configure(configure);
            }

            if (Contains(services, typeof(global::ScopeGen.AspNetCore.ScopeNamedPolicies)))
            {
                // Already registered: a second call only adds its configuration.
                return services;
            }

            global::Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions.AddAuthorization(services);
            global::Microsoft.Extensions.DependencyInjection.OptionsBuilderExtensions.ValidateOnStart(options);

            var namedPolicies = new global::ScopeGen.AspNetCore.ScopeNamedPolicies();
            AddManifestPolicies(namedPolicies);
            global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, namedPolicies);
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(
                services,
                global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<global::Microsoft.AspNetCore.Authorization.IAuthorizationHandler, global::ScopeGen.AspNetCore.ScopeAuthorizationHandler>());
            global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddEnumerable(
                services,
                global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<global::Microsoft.Extensions.Options.IValidateOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>, global::ScopeGen.AspNetCore.ScopePolicyClashValidator>());

            Decorate<global::Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider>(services, (provider, inner) => new global::ScopeGen.AspNetCore.ScopeAuthorizationPolicyProvider(
                inner,
                global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::ScopeGen.AspNetCore.ScopeNamedPolicies>(provider),
                global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>>(provider)));
            Decorate<global::Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler>(services, (provider, inner) => new global::ScopeGen.AspNetCore.InsufficientScopeResultHandler(
                inner,
                global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<global::ScopeGen.AspNetCore.ScopeAuthorizationOptions>>(provider)));
            return services;
        }

        /// <summary>Written by the generator: every manifest scope and preset as a named policy.</summary>
        static partial void AddManifestPolicies(global::ScopeGen.AspNetCore.ScopeNamedPolicies policies);

        private static bool Contains(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Type serviceType)
        {
            for (var i = 0; i < services.Count; i++)
            {
                if (services[i].ServiceType == serviceType)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Replaces the last registration of <typeparamref name="TService"/> (same lifetime) with <paramref name="wrap"/> around it.</summary>
        private static void Decorate<TService>(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Func<global::System.IServiceProvider, TService, TService> wrap)
            where TService : class
        {
            var index = -1;
            for (var i = services.Count - 1; i >= 0; i--)
            {
                if (services[i].ServiceType == typeof(TService) && !IsKeyed(services[i]))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                throw new global::System.InvalidOperationException(typeof(TService).FullName + " is not registered; AddAuthorization() should have registered it.");
            }

            var inner = services[index];
            services[index] = global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Describe(
                typeof(TService),
                provider => wrap(provider, CreateInner<TService>(provider, inner)),
                inner.Lifetime);
        }

        private static TService CreateInner<TService>(global::System.IServiceProvider provider, global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor inner)
            where TService : class
        {
            if (inner.ImplementationInstance != null)
            {
                return (TService)inner.ImplementationInstance;
            }

            if (inner.ImplementationFactory != null)
            {
                return (TService)inner.ImplementationFactory(provider);
            }

            return (TService)global::Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!);
        }

        private static bool IsKeyed(global::Microsoft.Extensions.DependencyInjection.ServiceDescriptor descriptor) => descriptor.IsKeyedService;
    }
}
