namespace DigestService.Links;

/// <summary>What a signed link lets its holder do; a token signed for one purpose is refused for every other.</summary>
public enum TokenPurpose { Confirm, Preferences, Unsubscribe, Feedback, Edition }
