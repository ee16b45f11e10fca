namespace PPNBlog.Content.Model;

/// <summary>What sort of post this is: archives can be filtered by it.</summary>
public enum PostKind
{
    /// <summary>A blog contributed by a practitioner (the default).</summary>
    Blog,

    /// <summary>A write-up of a keynote from an event such as Psychological Professions Week.</summary>
    Keynote,
}
