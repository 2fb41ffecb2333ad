namespace DigestService.Links;

/// <summary>What a signed link lets its holder do; a token signed for one purpose is refused for every other.</summary>
/// <remarks>
/// A confirmation token carries the id of a single-use confirmation request, not a subscriber id; the name is part of
/// the MAC, so links of the earlier kind (Confirm, with a subscriber id) no longer verify.
/// </remarks>
public enum TokenPurpose { Confirmation, Preferences, Unsubscribe, Feedback, Edition }
