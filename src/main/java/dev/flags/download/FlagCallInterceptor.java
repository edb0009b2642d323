package dev.flags.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flags.http.FetchException;
import dev.flags.http.FlagUrls;
import dev.flags.http.HttpDates;
import dev.flags.http.RunGuard;
import dev.flags.http.StatusText;
import dev.flags.store.FlagStore;
import dev.flags.store.SafeNames;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one flag that happen before its GIF is requested, run inside its OkHttp call so that
 * a blocking {@code execute()} and an enqueued call go through the very same path: refuse to start
 * once the run is stopped (Ctrl-C, deadline), look up the country name ({@code --metadata}, the
 * book's flags3, whose request goes through the same retries and checks), skip a flag already saved
 * ({@code --skip-existing}), or ask only for a newer one ({@code --update}).
 *
 * <p>Acts only on requests tagged with a {@link FlagCall}; passes any other through.
 */
final class FlagCallInterceptor implements Interceptor {
  private final FlagUrls urls;
  private final FlagStore store;
  private final RunGuard guard;
  private final DownloadSettings settings;

  FlagCallInterceptor(FlagUrls urls, FlagStore store, RunGuard guard, DownloadSettings settings) {
    this.urls = urls;
    this.store = store;
    this.guard = guard;
    this.settings = settings;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    FlagCall flag = request.tag(FlagCall.class);
    if (flag == null) {
      return chain.proceed(request);
    }
    String stop = guard.stopReason();
    if (stop != null) {
      throw FetchException.permanent(stop); // no request once the run is stopped
    }
    if (settings.metadata()) {
      nameFromMetadata(chain, flag).ifPresent(flag::file);
    }
    if (settings.skipExisting() && store.holdsGif(flag.file())) {
      flag.markAlreadySaved();
      return notModified(request);
    }
    if (settings.update()) {
      Optional<Instant> saved = store.lastModified(flag.file());
      if (saved.isPresent()) {
        flag.markConditional();
        request =
            request.newBuilder().header("If-Modified-Since", HttpDates.format(saved.get())).build();
      }
    }
    return chain.proceed(request);
  }

  /**
   * {@code Country_Name.gif} from {@code {"country": "Country Name", ...}}, made safe; empty (and
   * the flag keeps {@code cc.gif}) if the metadata is missing, broken or names nothing usable.
   * Stopping the run is not a metadata problem: it ends the flag's call.
   */
  private Optional<String> nameFromMetadata(Chain chain, FlagCall flag) throws IOException {
    Request metadata = new Request.Builder().url(urls.metadata(flag.cc)).build();
    try (Response response = chain.proceed(metadata)) {
      if (!response.isSuccessful()) {
        return fallBack(flag, StatusText.describe(response.code(), response.message()));
      }
      JsonNode country = Json.MAPPER.readTree(response.body().bytes()).path("country");
      Optional<String> name =
          country.isTextual() ? SafeNames.fileName(country.asText(), ".gif") : Optional.empty();
      if (name.isEmpty()) {
        return fallBack(flag, "no usable country name");
      }
      // One file per flag: a name given to several flags goes to the first that claims it, and
      // another code's plain name (a server calling Japan "br") to none, so cc.gif is always free.
      String plain = flag.file();
      boolean anotherCodes =
          name.get().toLowerCase(Locale.ROOT).matches("[a-z]{2}\\.gif")
              && !name.get().equalsIgnoreCase(plain);
      if (anotherCodes || !store.claim(name.get(), flag.cc)) {
        return fallBack(flag, name.get() + " is another flag's name");
      }
      return name;
    } catch (FetchException e) {
      if (guard.stopReason() != null || chain.call().isCanceled()) {
        throw e;
      }
      return fallBack(flag, e.reason());
    } catch (IOException e) {
      return fallBack(flag, "unreadable JSON");
    }
  }

  private static Optional<String> fallBack(FlagCall flag, String why) {
    Log.LOG.info("{} metadata: {}; saving as {}", flag.cc, why, flag.file());
    return Optional.empty();
  }

  /** The answer for a flag that needs no request: as if the server said 304 Not Modified. */
  private static Response notModified(Request request) {
    return new Response.Builder()
        .request(request)
        .protocol(Protocol.HTTP_1_1)
        .code(304)
        .message("Not Modified")
        .body(ResponseBody.create(new byte[0], null))
        .build();
  }

  /**
   * The logger, made only when needed: starting Logback costs a run that logs nothing ~200 classes.
   */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(DownloadOne.class);
  }

  /** Jackson's mapper, made only when {@code --metadata} needs it. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }
}
