namespace WebhookKit.Dispatch;

/// <summary>Records that <c>AddHandler</c> registered a handler type for a payload type, for startup checks.</summary>
internal sealed record WebhookHandlerRegistration(Type HandlerType, Type PayloadType);
