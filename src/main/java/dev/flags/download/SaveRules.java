package dev.flags.download;

/**
 * What a run does with flags already saved, and how it names files: the {@code --skip-existing},
 * {@code --update} and {@code --metadata} options. Read by the per-flag steps ({@link FlagSteps}).
 *
 * @param skipExisting a flag already saved in the destination is not requested again
 * @param update a flag already saved is requested with If-Modified-Since (its file's time)
 * @param metadata also fetch {@code metadata.json} and save as {@code Country_Name.gif}
 */
public record SaveRules(boolean skipExisting, boolean update, boolean metadata) {
  /** Every flag requested, saved as {@code cc.gif}. */
  public static final SaveRules DEFAULTS = new SaveRules(false, false, false);

  public SaveRules withSkipExisting(boolean value) {
    return new SaveRules(value, update, metadata);
  }

  public SaveRules withUpdate(boolean value) {
    return new SaveRules(skipExisting, value, metadata);
  }

  public SaveRules withMetadata(boolean value) {
    return new SaveRules(skipExisting, update, value);
  }
}
