/** The codecs a take-home video may use, in the order tried (mediabunny's names). */
export const VIDEO_CODECS = ['avc', 'vp9', 'av1'] as const;

export type ExportCodec = (typeof VIDEO_CODECS)[number];

/** Whether the browser can encode a codec at the export's size and rate (WebCodecs' isConfigSupported). */
export type CodecSupport = (codec: ExportCodec) => Promise<boolean>;

/**
 * H.264 first: every phone, TV and messaging app plays it. VP9 and then AV1 where the browser cannot encode H.264
 * (some Linux builds of Chromium ship without it); both play in current browsers and phones. Null when none can
 * be encoded. A support check that throws counts as "no".
 */
export async function chooseCodec(supports: CodecSupport): Promise<ExportCodec | null> {
  for (const codec of VIDEO_CODECS) {
    const ok = await supports(codec).catch(() => false);
    if (ok) return codec;
  }
  return null;
}
