package dev.flags.server;

import dev.flags.country.Country;
import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Draws a made-up flag for a country as a valid GIF89a, so the project ships no flag images.
 *
 * <p>Each country gets its own colours and pattern, picked by a generator seeded from its code, so
 * the bytes are deterministic and differ between countries. Sizes follow real flags (1–40 KB,
 * median about 10 KB): the pixels are encoded with 3-bit LZW codes and a clear code after every
 * second pixel, which keeps the table from growing, so the size follows the pixel count exactly.
 */
public final class FlagGif {
  private static final int CLEAR = 4;
  private static final int END = 5;
  private static final int CODE_BITS = 3;
  private static final double BITS_PER_PIXEL = 4.5; // three 3-bit codes for every two pixels

  private FlagGif() {}

  /** The GIF bytes for this country's generated flag. */
  public static byte[] generate(Country country) {
    Random random = new Random(country.cc().hashCode() * 7919L + 17);
    int targetBytes = (int) Math.round(10_000 * Math.exp(0.8 * random.nextGaussian()));
    targetBytes = Math.clamp(targetBytes, 1_200, 38_000);
    int pixels = (int) ((targetBytes - 60) * 8 / BITS_PER_PIXEL);
    int height = Math.max(8, (int) Math.sqrt(pixels / 1.5));
    int width = Math.max(12, pixels / height);
    int pattern = random.nextInt(4);
    byte[] palette = new byte[12];
    random.nextBytes(palette);
    return encode(width, height, palette, (x, y) -> colourAt(pattern, x, y, width, height));
  }

  private interface Picture {
    int colourAt(int x, int y);
  }

  /** Horizontal or vertical tricolour, a Nordic cross, or a disc on a field. */
  private static int colourAt(int pattern, int x, int y, int width, int height) {
    return switch (pattern) {
      case 0 -> 3 * y / height;
      case 1 -> 3 * x / width;
      case 2 ->
          (Math.abs(y - height / 2) < height / 8 || Math.abs(x - width / 3) < height / 8) ? 1 : 0;
      default -> {
        int dx = x - width / 2;
        int dy = y - height / 2;
        int r = height * 3 / 10;
        yield dx * dx + dy * dy < r * r ? 2 : (y < height / 2 ? 0 : 3);
      }
    };
  }

  private static byte[] encode(int width, int height, byte[] palette, Picture picture) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(width * height * 5 / 8 + 64);
    out.writeBytes(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
    writeShort(out, width);
    writeShort(out, height);
    out.write(0x91); // global colour table of 4 entries, 2 bits of colour resolution
    out.write(0); // background colour index
    out.write(0); // pixel aspect ratio: unspecified
    out.writeBytes(palette);
    out.write(0x2C); // image descriptor
    writeShort(out, 0);
    writeShort(out, 0);
    writeShort(out, width);
    writeShort(out, height);
    out.write(0); // no local colour table, not interlaced
    out.write(2); // LZW minimum code size
    writeSubBlocks(out, lzw(width, height, picture));
    out.write(0x3B); // trailer
    return out.toByteArray();
  }

  private static byte[] lzw(int width, int height, Picture picture) {
    BitWriter bits = new BitWriter(width * height * 5 / 8 + 16);
    int n = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (n++ % 2 == 0) {
          bits.write(CLEAR, CODE_BITS);
        }
        bits.write(picture.colourAt(x, y), CODE_BITS);
      }
    }
    bits.write(END, CODE_BITS);
    return bits.toByteArray();
  }

  private static void writeSubBlocks(ByteArrayOutputStream out, byte[] data) {
    for (int offset = 0; offset < data.length; offset += 255) {
      int length = Math.min(255, data.length - offset);
      out.write(length);
      out.write(data, offset, length);
    }
    out.write(0); // block terminator
  }

  private static void writeShort(ByteArrayOutputStream out, int value) {
    out.write(value & 0xFF);
    out.write((value >> 8) & 0xFF);
  }

  /** Packs codes least significant bit first, as GIF's LZW stream wants. */
  private static final class BitWriter {
    private final ByteArrayOutputStream out;
    private int buffer;
    private int count;

    BitWriter(int capacity) {
      out = new ByteArrayOutputStream(capacity);
    }

    void write(int code, int width) {
      buffer |= code << count;
      count += width;
      while (count >= 8) {
        out.write(buffer & 0xFF);
        buffer >>>= 8;
        count -= 8;
      }
    }

    byte[] toByteArray() {
      if (count > 0) {
        out.write(buffer & 0xFF);
        buffer = 0;
        count = 0;
      }
      return out.toByteArray();
    }
  }
}
