using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit.Dispatch;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

[Collection(RedisTests.Name)]
public sealed class PoisonTests(RedisFixture redis)
{
    [Fact]
    public async Task TakeOver_DeliveryWhoseConsumersKeptDying_IsDeadLetteredWithoutRunningTheHandlerAgain()
    {
        // Arrange: two consumers in turn read the delivery and stop without acknowledging it (as if it crashed them).
        var prefix = RedisFixture.NewPrefix("poison");
        var visibility = TimeSpan.FromSeconds(1);
        var delivery = RedisServices.Delivery("poison-" + Guid.NewGuid());
        for (var consumer = 0; consumer < 2; consumer++)
        {
            await using var services = RedisServices.Build(redis.Server.Configuration, prefix, o =>
            {
                o.DurableQueue = true;
                o.VisibilityTimeout = visibility;
            });
            var queue = services.GetRequiredService<IWebhookQueue>();
            if (consumer == 0)
            {
                await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(5), CancellationToken.None);
            }

            var read = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            read!.PreviousAttempts.Should().Be(consumer);
        }

        // Act: an instance allowing two attempts takes it over: two attempts were already made.
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, MaxAttempts = 2, VisibilityTimeout = visibility });
        var deadLetters = instance.Services.GetRequiredService<IDeadLetterStore>();
        await Eventually.WaitUntilAsync(async () => (await deadLetters.ListAsync(10, CancellationToken.None)).Count == 1, "the delivery is dead-lettered");

        // Assert
        var deadLetter = (await deadLetters.ListAsync(10, CancellationToken.None)).Single();
        deadLetter.DeliveryId.Should().Be(delivery.DeliveryId);
        deadLetter.Attempts.Should().Be(2);
        deadLetter.Reason.Should().Contain("no attempt left");
        (await Handled.StartedAsync(redis.Server.Database, prefix)).Should().BeEmpty("the handler is not run once the attempts are used up");
    }

    [Fact]
    public async Task DeadLetter_StoringItFails_LeavesTheEntryToATakeoverThatDeadLettersItWithoutRunningTheHandlerAgain()
    {
        // Arrange: the partition's dead-letter key holds a string, so storing a dead letter fails (WRONGTYPE).
        var prefix = RedisFixture.NewPrefix("dead-fails");
        var database = redis.Server.Database;
        var deadKey = $"{prefix}webhookkit:{{github:0}}:dead";
        await database.StringSetAsync(deadKey, "not a stream");
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, MaxAttempts = 2, VisibilityTimeout = TimeSpan.FromSeconds(1) });
        var eventId = RedisTestApp.FailingPrefix + Guid.NewGuid().ToString("N");
        var logs = instance.Services.GetFakeLogCollector();

        // Act: both attempts fail; the dead letter cannot be stored, twice (the first run's, then the takeover's).
        (await instance.SendAsync(eventId)).Should().Be(System.Net.HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(() => Task.FromResult(logs.GetSnapshot().Count(static record => record.Id.Id == 44) >= 2), "a takeover tried to dead-letter it again");
        var startedWhileFailing = (await Handled.StartedAsync(database, prefix))[eventId];
        await database.KeyDeleteAsync(deadKey);
        var deadLetters = instance.Services.GetRequiredService<IDeadLetterStore>();
        await Eventually.WaitUntilAsync(async () => (await deadLetters.ListAsync(10, CancellationToken.None)).Count == 1, "a later takeover stores the dead letter");

        // Assert: the handler ran exactly the two attempts allowed.
        startedWhileFailing.Should().Be(2, "a takeover finds no attempt left and does not run the handler again");
        (await Handled.StartedAsync(database, prefix))[eventId].Should().Be(2);
        var deadLetter = (await deadLetters.ListAsync(10, CancellationToken.None)).Single();
        deadLetter.Delivery.EventId.Should().Be(eventId);
        deadLetter.Attempts.Should().Be(2);
        await Eventually.WaitUntilAsync(async () => await database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream") == 0, "the dead-lettered entry is acknowledged");
    }
}
