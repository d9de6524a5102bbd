using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Internal;

/// <summary>
/// Creates the service a descriptor registered, for a package that replaces a registration with a wrapper or a switch
/// around the original. Source shared by the packages that need it (linked from <c>src/Shared</c>), not public API.
/// </summary>
internal static class ServiceDescriptorActivator
{
    /// <summary>Creates what <paramref name="descriptor"/> registers: its instance, its factory's result, or its type built by <paramref name="provider"/>.</summary>
    public static TService Create<TService>(IServiceProvider provider, ServiceDescriptor descriptor)
        where TService : class
    {
        if (descriptor.ImplementationInstance is TService instance)
        {
            return instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return (TService)factory(provider);
        }

        return (TService)ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
    }
}
