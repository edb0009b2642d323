package dev.flags.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.http.Attempts;
import dev.flags.http.BodyCheck;
import dev.flags.http.Failures;
import dev.flags.http.FlagUrls;
import dev.flags.http.HttpDates;
import dev.flags.http.RunGuard;
import dev.flags.http.StatusText;
import dev.flags.outcome.Cause;
import dev.flags.outcome.Outcome;
import dev.flags.store.FlagStore;
import dev.flags.store.Gif;
import dev.flags.store.SafeNames;
import dev.flags.work.FlagWork;
import dev.flags.work.WorkRules;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one flag, the book's {@code download_one} with flags3's extras, in the order they
 * run. {@link DownloadOne} drives them, blocking or with enqueued calls; both drive the same steps:
 *
 * <ol>
 *   <li>{@link #stopped}: a flag whose turn comes after Ctrl-C or the deadline fails at once;
 *   <li>{@code --metadata}: {@link #metadataRequest}, then {@link #nameFromMetadata}: the file is
 *       named after the country;
 *   <li>{@code --skip-existing}: {@link #alreadySaved}: a flag already saved is not requested;
 *   <li>{@code --update}: {@link #flagRequest} asks only for a newer flag (a conditional GET);
 *   <li>{@link #outcome}: classify the answer and save the bytes ({@link FlagStore});
 *   <li>{@code --work}: compute over the saved bytes, holding the process's lock if {@code --gil}
 *       (see {@link FlagWork}).
 * </ol>
 *
 * <p>Retries, timeouts, the deadline and body checks are not steps here: they live in the run's
 * OkHttp client (see {@code http.HttpClients}), which every request of every mode goes through.
 */
final class FlagSteps {
  private static final BodyCheck GIF = new BodyCheck("a GIF", Gif::hasSignature);

  private final SaveRules save;
  private final FlagUrls urls;
  private final FlagStore store;
  private final RunGuard guard;
  private final FlagWork work;

  FlagSteps(SaveRules save, WorkRules work, FlagUrls urls, FlagStore store, RunGuard guard) {
    this.save = save;
    this.urls = urls;
    this.store = store;
    this.guard = guard;
    // One lock per run, and so per process: each worker process opens its own.
    this.work = work.flagWork();
  }

  /** Step 1: no request once the run is stopped. */
  Optional<Outcome> stopped() {
    return guard.stopCause().map(Outcome::failed);
  }

  /** Step 2 ({@code --metadata}): the request for {@code metadata.json}, if the run wants it. */
  Optional<Request> metadataRequest(FlagCall flag) {
    return save.metadata()
        ? Optional.of(new Request.Builder().url(urls.metadata(flag.cc)).build())
        : Optional.empty();
  }

  /**
   * Step 2, continued: names the flag {@code Country_Name.gif} from {@code {"country": ...}}, made
   * safe, or leaves it {@code cc.gif} if the metadata is missing, broken or names nothing usable.
   * The run stopping is not a metadata problem: it ends the flag, with that cause.
   *
   * @param failure why the metadata request failed, or null if {@code response} came (the caller
   *     closes it)
   */
  Optional<Outcome> nameFromMetadata(FlagCall flag, Response response, IOException failure) {
    if (failure != null) {
      Optional<Outcome> stopped = stopped();
      if (stopped.isPresent()) {
        return stopped;
      }
      fallBack(flag, Failures.reasonFor(failure, guard).reason());
      return Optional.empty();
    }
    try {
      if (!response.isSuccessful()) {
        fallBack(flag, StatusText.describe(response.code(), response.message()));
        return Optional.empty();
      }
      JsonNode country = Json.MAPPER.readTree(response.body().bytes()).path("country");
      Optional<String> name =
          country.isTextual() ? SafeNames.fileName(country.asText(), ".gif") : Optional.empty();
      if (name.isEmpty()) {
        fallBack(flag, "no usable country name");
      } else if (anotherCodesName(flag, name.get()) || !store.claim(name.get(), flag.cc)) {
        // One file per flag: a name given to several flags goes to the first that claims it, and
        // another code's plain name (a server calling Japan "br") to none, so cc.gif stays free.
        fallBack(flag, name.get() + " is another flag's name");
      } else {
        flag.file(name.get());
      }
    } catch (IOException e) {
      fallBack(flag, "unreadable JSON");
    }
    return Optional.empty();
  }

  private static boolean anotherCodesName(FlagCall flag, String name) {
    return name.toLowerCase(Locale.ROOT).matches("[a-z]{2}\\.gif")
        && !name.equalsIgnoreCase(FlagCall.plainName(flag.cc));
  }

  private static void fallBack(FlagCall flag, String why) {
    Log.LOG.info("{} metadata: {}; saving as {}", flag.cc, why, flag.file());
  }

  /** Step 3 ({@code --skip-existing}): already saved, so no request at all. */
  Optional<Outcome> alreadySaved(FlagCall flag) {
    return save.skipExisting() && store.holdsGif(flag.file())
        ? Optional.of(Outcome.alreadySaved(flag.file()))
        : Optional.empty();
  }

  /**
   * Step 4: the GIF's request, counting its attempts and checking its body is a GIF; with {@code
   * --update} and a copy saved, a conditional GET ({@code If-Modified-Since} the copy's time).
   */
  Request flagRequest(FlagCall flag) {
    Request.Builder request =
        new Request.Builder()
            .url(urls.flag(flag.cc))
            .tag(Attempts.class, flag.attempts)
            .tag(BodyCheck.class, GIF);
    if (save.update()) {
      flag.savedAt(store.lastModified(flag.file()));
      flag.savedAt().ifPresent(at -> request.header("If-Modified-Since", HttpDates.format(at)));
    }
    return request.build();
  }

  /**
   * Step 5: what the answer means, and the saved flag if it is one; if the request failed, the
   * cause the client's interceptors found.
   *
   * @param failure why the GIF's request failed, or null if {@code response} came (the caller
   *     closes it)
   */
  Outcome outcome(FlagCall flag, Response response, IOException failure) {
    if (failure != null) {
      return Outcome.failed(Failures.reasonFor(failure, guard).failure());
    }
    if (response.code() == 304 && flag.savedAt().isPresent()) {
      return Outcome.alreadySaved(flag.file());
    }
    if (response.code() == 404) {
      return Outcome.notFound(response.request().url().toString());
    }
    if (!response.isSuccessful()) {
      return Outcome.failed(
          new Cause.HttpStatus(
              response.code(), StatusText.describe(response.code(), response.message())));
    }
    if (guard.cancelled()) {
      return Outcome.failed(new Cause.Interrupted()); // Ctrl-C: nothing more is written
    }
    try {
      byte[] body = response.body().bytes();
      store.save(flag.file(), body, HttpDates.parse(response.header("Last-Modified")));
      compute(flag, body);
      return Outcome.saved(body.length, flag.file());
    } catch (IOException e) {
      return Outcome.failed(
          guard.cancelled()
              ? new Cause.Interrupted()
              : new Cause.NotSaved(
                  Failures.printable(
                      e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
    }
  }

  /**
   * Step 6 ({@code --work}): the flag's CPU work over its bytes, in the same thread, under the
   * process's lock if {@code --gil}; Ctrl-C cuts it short.
   */
  private void compute(FlagCall flag, byte[] body) {
    if (work.work().any()) {
      flag.work(work.perform(body, guard::cancelled));
    }
  }

  /**
   * When anything else went wrong: an exception nobody expected (a bug, a JDK surprise) is that
   * flag's failure, and the run goes on. The words say what it was; the trace is for {@code -v}.
   */
  Outcome internalError(FlagCall flag, Throwable e) {
    Throwable shown = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    Log.LOG.info("{}: internal error", flag.cc, shown);
    return Outcome.failed(new Cause.Internal(Failures.printable(shown.toString())));
  }

  /** Made only when needed: a run that logs nothing does not start Logback. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(DownloadOne.class);
  }

  /** Jackson's mapper, made only when {@code --metadata} needs it. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
