using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Redis.TestHost;

// Usage: dotnet WebhookKit.Redis.TestHost.dll --redis 127.0.0.1:PORT --prefix P [--handler-delay-ms N] [--visibility-ms N] [--partitions N]
// Prints "LISTENING http://127.0.0.1:PORT" once it accepts deliveries.
var app = RedisTestApp.Build(RedisTestAppOptions.Parse(args));
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"LISTENING {address}");
await app.WaitForShutdownAsync();
