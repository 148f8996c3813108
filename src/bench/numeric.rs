//! The special functions behind the statistics, computed the way benchstat's
//! Go code computes them, because a last-bit difference can decide which order
//! statistic bounds a confidence interval:
//!
//! - [`choose`]: binomial coefficients exactly in integers up to n = 20, above
//!   that as `exp(lgamma(n+1) - lgamma(k+1) - lgamma(n-k+1))`, subtracted in that
//!   order (so `choose(n, k)` and `choose(n, n - k)` may differ in the last bit).
//! - [`ln`] and the log-gamma of integers: fdlibm's algorithms, which Go uses on
//!   every platform, so the bits are the same.
//! - [`erfc`]: fdlibm's rational approximations (exact to the last bit or two).
//! - [`normal_cdf`] and [`normal_quantile`]: the normal distribution through
//!   `erfc`, and Acklam's inverse with one step of Halley refinement.

use std::f64::consts::SQRT_2;

/// The binomial coefficient C(n, k), as benchstat computes it.
pub fn choose(n: usize, k: usize) -> f64 {
    if k == 0 || k == n {
        return 1.0;
    }
    if k > n {
        return 0.0;
    }
    if n <= 20 {
        // n!/(n-k)! / k! in integers: 20! is below 2^63.
        let numerator: i64 = ((n - k + 1)..=n).map(|v| v as i64).product();
        let denominator: i64 = (1..=k).map(|v| v as i64).product();
        return (numerator / denominator) as f64;
    }
    let log =
        ln_gamma_of_integer(n + 1) - ln_gamma_of_integer(k + 1) - ln_gamma_of_integer(n - k + 1);
    log.exp()
}

/// ln Γ(x) for a whole x >= 1, by fdlibm's method: 0 for 1 and 2, ln((x-1)!)
/// below 8, Stirling's series with fdlibm's coefficients from 8 on.
fn ln_gamma_of_integer(x: usize) -> f64 {
    // Stirling's series: ln Γ(x) ≈ (x - 1/2)(ln x - 1) + w(1/x).
    const W: [f64; 7] = [
        4.189_385_332_046_727e-1,
        8.333_333_333_333_297e-2,
        -2.777_777_777_287_755_4e-3,
        7.936_505_586_430_196e-4,
        -5.951_875_574_503_4e-4,
        8.363_399_189_962_821e-4,
        -1.630_929_340_965_752_7e-3,
    ];
    match x {
        0..=2 => 0.0,
        3..=7 => ln((2..x).map(|v| v as f64).product()),
        _ => {
            let x = x as f64;
            let t = ln(x);
            let z = 1.0 / x;
            let y = z * z;
            let w =
                W[0] + z * (W[1] + y * (W[2] + y * (W[3] + y * (W[4] + y * (W[5] + y * W[6])))));
            (x - 0.5) * (t - 1.0) + w
        }
    }
}

/// The natural logarithm of a positive finite `x`, by fdlibm's method: x =
/// 2^k (1 + f) with 1 + f in [√2/2, √2), then ln(1 + f) from a minimax
/// polynomial in s = f / (2 + f), and k ln 2 in two parts.
pub fn ln(x: f64) -> f64 {
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    const L: [f64; 7] = [
        6.666_666_666_666_735e-1,
        3.999_999_999_940_942e-1,
        2.857_142_874_366_239e-1,
        2.222_219_843_214_978_4e-1,
        1.818_357_216_161_805e-1,
        1.531_383_769_920_937_3e-1,
        1.479_819_860_511_658_6e-1,
    ];
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    let (mut fraction, mut exponent) = split_exponent(x);
    if fraction < std::f64::consts::FRAC_1_SQRT_2 {
        fraction *= 2.0;
        exponent -= 1;
    }
    let f = fraction - 1.0;
    let k = f64::from(exponent);
    let s = f / (2.0 + f);
    let s2 = s * s;
    let s4 = s2 * s2;
    let odd = s2 * (L[0] + s4 * (L[2] + s4 * (L[4] + s4 * L[6])));
    let even = s4 * (L[1] + s4 * (L[3] + s4 * L[5]));
    let r = odd + even;
    let half_f_squared = 0.5 * f * f;
    k * LN2_HI - ((half_f_squared - (s * (half_f_squared + r) + k * LN2_LO)) - f)
}

/// `x` as fraction × 2^exponent with the fraction in [0.5, 1).
fn split_exponent(x: f64) -> (f64, i32) {
    let (mut x, mut bias) = (x, 0);
    if x.abs() < f64::MIN_POSITIVE {
        // Subnormal: scale into the normal range first.
        x *= (1u64 << 52) as f64;
        bias = -52;
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32 - 1022;
    let fraction = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (fraction, exponent + bias)
}

/// The complementary error function, by fdlibm's method: rational
/// approximations on [0, 0.84375), [0.84375, 1.25), [1.25, 1/0.35) and
/// [1/0.35, 28), and 0 (or 2) beyond.
pub fn erfc(x: f64) -> f64 {
    // erf(1) to single precision: the center of the second interval.
    const ERX: f64 = 8.450_629_115_104_675e-1;
    // [0, 0.84375): erf(x) = x + x * P(x²)/Q(x²).
    const PP: [f64; 5] = [
        1.283_791_670_955_125_6e-1,
        -3.250_421_072_470_015e-1,
        -2.848_174_957_559_851e-2,
        -5.770_270_296_489_442e-3,
        -2.376_301_665_665_016_3e-5,
    ];
    const QQ: [f64; 5] = [
        3.979_172_239_591_553_5e-1,
        6.502_224_998_876_73e-2,
        5.081_306_281_875_766e-3,
        1.324_947_380_043_216_4e-4,
        -3.960_228_278_775_368e-6,
    ];
    // [0.84375, 1.25): erf(x) = erx + P(x-1)/Q(x-1).
    const PA: [f64; 7] = [
        -2.362_118_560_752_659_4e-3,
        4.148_561_186_837_483_3e-1,
        -3.722_078_760_357_013e-1,
        3.183_466_199_011_617_5e-1,
        -1.108_946_942_823_966_8e-1,
        3.547_830_432_561_823_6e-2,
        -2.166_375_594_868_791e-3,
    ];
    const QA: [f64; 6] = [
        1.064_208_804_008_442_3e-1,
        5.403_979_177_021_71e-1,
        7.182_865_441_419_627e-2,
        1.261_712_198_087_616_4e-1,
        1.363_708_391_202_905e-2,
        1.198_449_984_679_910_7e-2,
    ];
    // [1.25, 1/0.35): erfc(x) = exp(-x² - 0.5625 + R(1/x²)/S(1/x²)) / x.
    const RA: [f64; 8] = [
        -9.864_944_034_847_148e-3,
        -6.938_585_727_071_818e-1,
        -1.055_862_622_532_329_1e1,
        -6.237_533_245_032_600_6e1,
        -1.623_966_694_625_734_7e2,
        -1.846_050_929_067_110_4e2,
        -8.128_743_550_630_66e1,
        -9.814_329_344_169_145,
    ];
    const SA: [f64; 8] = [
        1.965_127_166_743_925_7e1,
        1.376_577_541_435_190_4e2,
        4.345_658_774_752_292_3e2,
        6.453_872_717_332_679e2,
        4.290_081_400_275_678_3e2,
        1.086_350_055_417_794_4e2,
        6.570_249_770_319_282,
        -6.042_441_521_485_81e-2,
    ];
    // [1/0.35, 28): the same form with other coefficients.
    const RB: [f64; 7] = [
        -9.864_942_924_700_1e-3,
        -7.992_832_376_805_23e-1,
        -1.775_795_491_775_475_2e1,
        -1.606_363_848_558_219_2e2,
        -6.375_664_433_683_896e2,
        -1.025_095_131_611_077_2e3,
        -4.835_191_916_086_514e2,
    ];
    const SB: [f64; 7] = [
        3.033_806_074_348_246e1,
        3.257_925_129_965_739e2,
        1.536_729_586_084_437e3,
        3.199_858_219_508_595_5e3,
        2.553_050_406_433_164_4e3,
        4.745_285_412_069_553_7e2,
        -2.244_095_244_658_582e1,
    ];
    // Horner's rule, highest coefficient last: c[0] + s (c[1] + s (...)).
    fn horner(c: &[f64], s: f64) -> f64 {
        c.iter().rev().fold(0.0, |acc, &c| c + s * acc)
    }
    // 1 + s (c[0] + s (c[1] + ...)): the denominators.
    fn horner_one(c: &[f64], s: f64) -> f64 {
        1.0 + s * horner(c, s)
    }

    if x.is_nan() {
        return x;
    }
    let negative = x < 0.0;
    let a = x.abs();
    if a < 0.84375 {
        let erf = if a < 1.0 / (1u64 << 56) as f64 {
            a
        } else {
            let z = a * a;
            let y = horner(&PP, z) / horner_one(&QQ, z);
            if a < 0.25 {
                a + a * y
            } else {
                0.5 + (a * y + (a - 0.5))
            }
        };
        return if negative { 1.0 + erf } else { 1.0 - erf };
    }
    if a < 1.25 {
        let s = a - 1.0;
        let ratio = horner(&PA, s) / horner_one(&QA, s);
        return if negative {
            1.0 + ERX + ratio
        } else {
            1.0 - ERX - ratio
        };
    }
    if a < 28.0 {
        let s = 1.0 / (a * a);
        let (r, s) = if a < 1.0 / 0.35 {
            (horner(&RA, s), horner_one(&SA, s))
        } else {
            if negative && a > 6.0 {
                return 2.0;
            }
            (horner(&RB, s), horner_one(&SB, s))
        };
        // a with its low 32 bits cleared, so that z² is exact.
        let z = f64::from_bits(a.to_bits() & 0xffff_ffff_0000_0000);
        let value = (-z * z - 0.5625).exp() * ((z - a) * (z + a) + r / s).exp() / a;
        return if negative { 2.0 - value } else { value };
    }
    if negative { 2.0 } else { 0.0 }
}

/// P(X <= x) for X normal with mean `mu` and standard deviation `sigma`.
pub fn normal_cdf(x: f64, mu: f64, sigma: f64) -> f64 {
    erfc(-(x - mu) / (sigma * SQRT_2)) / 2.0
}

/// The x with P(X <= x) = p for X normal with mean `mu` and standard deviation
/// `sigma`: Acklam's rational approximation, refined by one Halley step.
pub fn normal_quantile(p: f64, mu: f64, sigma: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239e0,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838e0,
        -2.549_732_539_343_734e0,
        4.374_664_141_464_968e0,
        2.938_163_982_698_783e0,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996e0,
        3.754_408_661_907_416e0,
    ];
    const LOW: f64 = 0.02425;
    // (((((c0 q + c1) q + c2) q + ...): the coefficients from the highest power.
    fn poly(c: &[f64], q: f64) -> f64 {
        c.iter().skip(1).fold(c[0], |acc, &c| acc * q + c)
    }
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let tail = |q: f64| poly(&C, q) / (poly(&D, q) * q + 1.0);
    let mut x = if p < LOW {
        tail((-2.0 * ln(p)).sqrt())
    } else if 1.0 - LOW < p {
        -tail((-2.0 * ln(1.0 - p)).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        poly(&A, r) * q / (poly(&B, r) * r + 1.0)
    };
    let e = 0.5 * erfc(-x / SQRT_2) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x -= u / (1.0 + x * u / 2.0);
    x * sigma + mu
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_gamma_has_the_bits_of_go() {
        // math.Lgamma(k) for k = 1..=51, as Go 1.26 prints them (%x of the bits).
        const GO: [u64; 51] = [
            0x0,
            0x0,
            0x3fe62e42fefa39ef,
            0x3ffcab0bfa2a2002,
            0x40096ca77c922cf9,
            0x401326643c4479c9,
            0x401a51273acf01ca,
            0x40210ce1f32dcc2f,
            0x4025358e82fcb70d,
            0x40299a8921a7f7d0,
            0x402e357590954d16,
            0x403180973f3a8d74,
            0x4033fcba16d50144,
            0x40368d5a9c3b32cf,
            0x403930f3df162a42,
            0x403be636a63fd346,
            0x403eabff061f1a85,
            0x4040c0a63f2f353a,
            0x4042329df2d5ee52,
            0x4043ab8153363985,
            0x40452af57aed77be,
            0x4046b0a8643472aa,
            0x40483c4faba84f06,
            0x4049cda78b856a45,
            0x404b6472034e8d13,
            0x404d007622cd65e8,
            0x404ea17f717c6794,
            0x405023aeb67e4fee,
            0x4050f8f18d330240,
            0x4051d07353917231,
            0x4052aa208b59d0e6,
            0x405385e6fd9e5a40,
            0x405463b59b942083,
            0x4055437c633ace4b,
            0x4056252c474896b9,
            0x405708b719e11658,
            0x4057ee0f79b26758,
            0x4058d528c1243d96,
            0x4059bdf6f75257a2,
            0x405aa86ec2969812,
            0x405b94855c702ba3,
            0x405c8230869ca105,
            0x405d7166813e12ee,
            0x405e621e01eeba4e,
            0x405f544e2ba69cf0,
            0x406023f743addd9f,
            0x40609e7b7ea41ea8,
            0x406119afe762626b,
            0x40619590c853a559,
            0x4062121a930c6ec2,
            0x40628f49ddeb1f31,
        ];
        for (i, bits) in GO.iter().enumerate() {
            let k = i + 1;
            assert_eq!(ln_gamma_of_integer(k).to_bits(), *bits, "lgamma({k})");
        }
    }

    #[test]
    fn logarithms_and_binomials() {
        assert_eq!(ln(1.0), 0.0);
        assert!((ln(std::f64::consts::E) - 1.0).abs() < 1e-15);
        assert!((ln(10.0) - std::f64::consts::LN_10).abs() < 1e-15);
        assert!((ln(1e-310) - 1e-310f64.ln()).abs() < 1e-12);
        assert!((ln(0.3) - 0.3f64.ln()).abs() < 1e-16);
        assert_eq!(choose(20, 10), 184_756.0);
        assert_eq!(choose(5, 0), 1.0);
        assert_eq!(choose(5, 6), 0.0);
        // Above 20 the value goes through lgamma and may miss the last bits,
        // differently for k and n - k (as in benchstat).
        assert!((choose(24, 10) - 1_961_256.0).abs() < 1e-6);
        assert_ne!(choose(24, 10), choose(24, 14));
    }

    #[test]
    fn error_function_and_normal_distribution() {
        let cases = [
            (0.0, 1.0),
            (0.5, 0.479_500_122_186_953_5),
            (1.0, 0.157_299_207_050_285_13),
            (2.0, 0.004_677_734_981_047_266),
            (-1.0, 1.842_700_792_949_715),
            (5.0, 1.537_459_794_428_034_8e-12),
        ];
        for (x, expected) in cases {
            let value = erfc(x);
            assert!(
                ((value - expected) / expected).abs() < 1e-14,
                "erfc({x}) = {value}, expected {expected}"
            );
        }
        assert!((normal_cdf(1.959_963_984_540_054, 0.0, 1.0) - 0.975).abs() < 1e-15);
        assert!((normal_quantile(0.025, 0.0, 1.0) + 1.959_963_984_540_054).abs() < 1e-14);
        assert!(
            (normal_quantile(0.01, 10.0, 2.0) - (10.0 - 2.0 * 2.326_347_874_040_841)).abs() < 1e-12
        );
    }
}
