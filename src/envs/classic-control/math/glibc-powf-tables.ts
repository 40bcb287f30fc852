/**
 * Tables of glibc's single-precision `powf` (ARM optimized-routines algorithm, glibc 2.27+), needed to reproduce
 * its results bit for bit.
 */

/** log2 data: for each of 16 subintervals `[1/c, log2(c)]`. */
export const POWF_LOG2_TABLE: Float64Array = Float64Array.from([
  1.398907162146528, -0.48430022186289673, 1.3403141896637998, -0.42257122959194704, 1.286432210124115,
  -0.3633754347673556, 1.2367150214269895, -0.30651309567405577, 1.1906977166711752, -0.25180720160537634,
  1.1479821020556429, -0.19910014943794563, 1.1082251448272158, -0.14825100623281615, 1.0711297413057381,
  -0.09913323807318392, 1.036437278977283, -0.051632812977629436, 1.0, 0.0, 0.9492859795739057,
  0.07508531937943004, 0.8951049428609004, 0.15987125980713107, 0.8476821620351103, 0.2384046664317681,
  0.8050314851692001, 0.31288288605863257, 0.7664671008843108, 0.38370422656453185, 0.731428603316328,
  0.451211048935815,
]);

/** Coefficients of the log2(1 + r) polynomial. */
export const POWF_LOG2_POLYNOMIAL: readonly number[] = [
  0.288457581109214, -0.36092606229713164, 0.480898481472577, -0.7213474675006291, 1.4426950408774342,
];

/** 2^(k/32) for k = 0..31 as 32-bit words `[high, low]` of bits that get k's exponent added before use. */
export const EXP2F_TABLE_WORDS: Uint32Array = Uint32Array.from([
  0x3ff00000, 0x00000000, 0x3fefd9b0, 0xd3158574, 0x3fefb558, 0x6cf9890f, 0x3fef9301, 0xd0125b51, 0x3fef72b8,
  0x3c7d517b, 0x3fef5487, 0x3168b9aa, 0x3fef387a, 0x6e756238, 0x3fef1e9d, 0xf51fdee1, 0x3fef06fe, 0x0a31b715,
  0x3feef1a7, 0x373aa9cb, 0x3feedea6, 0x4c123422, 0x3feece08, 0x6061892d, 0x3feebfda, 0xd5362a27, 0x3feeb42b,
  0x569d4f82, 0x3feeab07, 0xdd485429, 0x3feea47e, 0xb03a5585, 0x3feea09e, 0x667f3bcd, 0x3fee9f75, 0xe8ec5f74,
  0x3feea114, 0x73eb0187, 0x3feea589, 0x994cce13, 0x3feeace5, 0x422aa0db, 0x3feeb737, 0xb0cdc5e5, 0x3feec491,
  0x82a3f090, 0x3feed503, 0xb23e255d, 0x3feee89f, 0x995ad3ad, 0x3feeff76, 0xf2fb5e47, 0x3fef199b, 0xdd85529c,
  0x3fef3720, 0xdcef9069, 0x3fef5818, 0xdcfba487, 0x3fef7c97, 0x337b9b5f, 0x3fefa4af, 0xa2a490da, 0x3fefd076,
  0x5b6e4540,
]);

/** 1.5 * 2^52 / 32: adding it rounds to a multiple of 1/32. */
export const EXP2F_SHIFT = 211106232532992.0;

/** Coefficients of the 2^r polynomial. */
export const EXP2F_POLYNOMIAL: readonly number[] = [
  0.05550361559341535, 0.2402284522445722, 0.6931471806916203,
];
