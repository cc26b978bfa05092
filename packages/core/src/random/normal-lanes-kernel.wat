;; Four-lane ziggurat normal kernel (WebAssembly SIMD). Source of normal-lanes-kernel-bytes.ts,
;; compiled by packages/core/scripts/build-wasm.ts; normal-lanes-kernel.test.ts checks that the
;; committed bytes are current. The algorithm is the one defined in normal-lanes.ts: value i comes
;; from lane i mod 4, an xoshiro128** stream whose next two words (low, then high) make one
;; 256-layer ziggurat attempt (layer = low & 0xff, sign = bit 8 of low, 52-bit abscissa
;; u = high·2^20 + (low >>> 12)); an attempt outside its layer's inner rectangle (about 1.5%) is
;; finished by the ziggurat's slow path (wedge test, tail, fresh attempts) drawing from a fifth
;; stream, the slow stream, taken by rejected values in increasing order of i. The fast path runs
;; the four lanes at once in i32x4 / f64x2 registers and only records rejected attempts; a scalar
;; pass then finishes them in order. The slow path is a line-by-line port of wedgeOrTail, tail,
;; portableExp and portableLog, so every value is bit-identical to the JavaScript implementations.
;;
;; Memory (two 64 KiB pages at first; tables and states written by the JavaScript side, which may
;; grow the memory and use everything from 131072 up for output blocks, see normal-lanes-wasm.ts):
;;   0      lane states: word j of lane k at 16·j + 4·k (s0 of all four lanes is one v128)
;;   64     slow stream state s0 … s3
;;   128    KI[512]  acceptance thresholds (units of 2^-52) for index sign·256 + layer
;;   4224   WI[512]  signed width scales: WI[256 + l] = −WI[l]
;;   8320   FI[257]  densities f(x[i])
;;   12288  default output: 4,096 values, in groups of four (one per lane); `fill` may write elsewhere
;;   45056  rejected groups, 48 bytes each: (byte offset of the group | 4-bit lane mask), low words, high words
;;   94208  squeeze lines per layer: lower intercept[256], lower slope[256] (at 96256), upper intercept[256]
;;          (at 98304), upper slope[256] (at 100352)
(module
  (memory (export "memory") 2)

  ;; One xoshiro128** step of the slow stream; returns the output word.
  (func $next (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local.set $s0 (i32.load offset=64 (i32.const 0)))
    (local.set $s1 (i32.load offset=68 (i32.const 0)))
    (local.set $s2 (i32.xor (i32.load offset=72 (i32.const 0)) (local.get $s0)))
    (local.set $s3 (i32.xor (i32.load offset=76 (i32.const 0)) (local.get $s1)))
    (i32.store offset=64 (i32.const 0) (i32.xor (local.get $s0) (local.get $s3)))
    (i32.store offset=68 (i32.const 0) (i32.xor (local.get $s1) (local.get $s2)))
    (i32.store offset=72 (i32.const 0) (i32.xor (local.get $s2) (i32.shl (local.get $s1) (i32.const 9))))
    (i32.store offset=76 (i32.const 0) (i32.rotl (local.get $s3) (i32.const 11)))
    (i32.mul (i32.rotl (i32.mul (local.get $s1) (i32.const 5)) (i32.const 7)) (i32.const 9)))

  ;; 53-bit uniform in [0, 1) from two words of the slow stream, as Rng.next.
  (func $uniform (result f64)
    (local $high f64)
    (local.set $high (f64.convert_i32_u (i32.shr_u (call $next) (i32.const 5))))
    (f64.mul
      (f64.add (f64.mul (local.get $high) (f64.const 67108864))
               (f64.convert_i32_u (i32.shr_u (call $next) (i32.const 6))))
      (f64.const 0x1p-53)))

  ;; portableLog (FDLIBM e_log), operation for operation.
  (func $log (export "log") (param $x f64) (result f64)
    (local $bits i64) (local $high i32) (local $mh i32) (local $fold i32) (local $k f64)
    (local $f f64) (local $s f64) (local $z f64) (local $w f64) (local $r f64) (local $hs f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $x)))
    (local.set $high (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 32))))
    (local.set $mh (i32.and (local.get $high) (i32.const 0xfffff)))
    (local.set $fold (i32.ge_u (local.get $mh) (i32.const 0x6a09c)))
    (local.set $k (f64.convert_i32_s
      (i32.add (i32.sub (i32.shr_u (local.get $high) (i32.const 20)) (i32.const 1023)) (local.get $fold))))
    (local.set $f (f64.sub
      (f64.reinterpret_i64 (i64.or
        (i64.shl (i64.extend_i32_u (i32.or (local.get $mh)
          (i32.shl (i32.sub (i32.const 1023) (local.get $fold)) (i32.const 20)))) (i64.const 32))
        (i64.and (local.get $bits) (i64.const 0xffffffff))))
      (f64.const 1)))
    (local.set $s (f64.div (local.get $f) (f64.add (f64.const 2) (local.get $f))))
    (local.set $z (f64.mul (local.get $s) (local.get $s)))
    (local.set $w (f64.mul (local.get $z) (local.get $z)))
    (local.set $r (f64.add
      (f64.mul (local.get $z) (f64.add (f64.const 6.666666666666735130e-1) (f64.mul (local.get $w)
        (f64.add (f64.const 2.857142874366239149e-1) (f64.mul (local.get $w)
          (f64.add (f64.const 1.818357216161805012e-1) (f64.mul (local.get $w) (f64.const 1.479819860511658591e-1))))))))
      (f64.mul (local.get $w) (f64.add (f64.const 3.999999999940941908e-1) (f64.mul (local.get $w)
        (f64.add (f64.const 2.222219843214978396e-1) (f64.mul (local.get $w) (f64.const 1.531383769920937332e-1))))))))
    (local.set $hs (f64.mul (f64.mul (f64.const 0.5) (local.get $f)) (local.get $f)))
    (f64.sub (f64.mul (local.get $k) (f64.const 6.93147180369123816490e-1))
      (f64.sub
        (f64.sub (local.get $hs)
          (f64.add (f64.mul (local.get $s) (f64.add (local.get $hs) (local.get $r)))
                   (f64.mul (local.get $k) (f64.const 1.90821492927058770002e-10))))
        (local.get $f))))

  ;; portableExp (FDLIBM e_exp), operation for operation.
  (func $exp (export "exp") (param $x f64) (result f64)
    (local $ax f64) (local $k f64) (local $hi f64) (local $lo f64) (local $r f64) (local $t f64) (local $c f64)
    (local.set $ax (f64.abs (local.get $x)))
    (if (f64.lt (local.get $ax) (f64.const 0x1p-28))
      (then (return (f64.add (f64.const 1) (local.get $x)))))
    (local.set $hi (local.get $x))
    (if (f64.gt (local.get $ax) (f64.mul (f64.const 0.5) (f64.const 6.93147180369123816490e-1)))
      (then
        (if (f64.lt (local.get $ax) (f64.mul (f64.const 1.5) (f64.const 6.93147180369123816490e-1)))
          (then (local.set $k (select (f64.const -1) (f64.const 1) (f64.lt (local.get $x) (f64.const 0)))))
          (else (local.set $k (f64.trunc (f64.add
            (f64.mul (f64.const 1.44269504088896338700e0) (local.get $x))
            (select (f64.const -0.5) (f64.const 0.5) (f64.lt (local.get $x) (f64.const 0))))))))
        (local.set $hi (f64.sub (local.get $x) (f64.mul (local.get $k) (f64.const 6.93147180369123816490e-1))))
        (local.set $lo (f64.mul (local.get $k) (f64.const 1.90821492927058770002e-10)))))
    (local.set $r (f64.sub (local.get $hi) (local.get $lo)))
    (local.set $t (f64.mul (local.get $r) (local.get $r)))
    (local.set $c (f64.sub (local.get $r) (f64.mul (local.get $t)
      (f64.add (f64.const 1.66666666666666019037e-1) (f64.mul (local.get $t)
        (f64.add (f64.const -2.77777777770155933842e-3) (f64.mul (local.get $t)
          (f64.add (f64.const 6.61375632143793436117e-5) (f64.mul (local.get $t)
            (f64.add (f64.const -1.65339022054652515390e-6) (f64.mul (local.get $t) (f64.const 4.13813679705723846039e-8))))))))))))
    (if (f64.eq (local.get $k) (f64.const 0))
      (then (return (f64.sub (f64.const 1)
        (f64.sub (f64.div (f64.mul (local.get $r) (local.get $c)) (f64.sub (local.get $c) (f64.const 2))) (local.get $r))))))
    (f64.mul
      (f64.sub (f64.const 1)
        (f64.sub (f64.sub (local.get $lo) (f64.div (f64.mul (local.get $r) (local.get $c)) (f64.sub (f64.const 2) (local.get $c))))
                 (local.get $hi)))
      (f64.reinterpret_i64 (i64.shl
        (i64.extend_i32_s (i32.add (i32.trunc_f64_s (local.get $k)) (i32.const 1023))) (i64.const 52)))))

  ;; Marsaglia's 1964 tail sampler (x > r), as `tail` in ziggurat-normal.ts.
  (func $tail (result f64)
    (local $xx f64) (local $yy f64)
    (loop $again
      (local.set $xx (f64.mul (f64.neg (f64.div (f64.const 1) (f64.const 3.6541528853610088)))
        (call $log (f64.sub (f64.const 1) (call $uniform)))))
      (local.set $yy (f64.neg (call $log (f64.sub (f64.const 1) (call $uniform)))))
      (br_if $again (i32.eqz (f64.gt (f64.add (local.get $yy) (local.get $yy)) (f64.mul (local.get $xx) (local.get $xx))))))
    (f64.add (f64.const 3.6541528853610088) (local.get $xx)))

  ;; Slow path of a rejected attempt, as `wedgeOrTail` in ziggurat-normal.ts.
  (func $wedgeOrTail (param $layer i32) (param $u f64) (param $negative i32) (result f64)
    (local $x f64) (local $fLow f64) (local $y f64) (local $low i32) (local $high i32)
    (loop $attempt
      (if (i32.eqz (local.get $layer))
        (then
          (local.set $x (call $tail))
          (return (select (f64.neg (local.get $x)) (local.get $x) (local.get $negative)))))
      (local.set $x (f64.mul (local.get $u) (f64.load offset=4224 (i32.shl (local.get $layer) (i32.const 3)))))
      (local.set $fLow (f64.load offset=8320 (i32.shl (local.get $layer) (i32.const 3))))
      (local.set $y (f64.add (local.get $fLow) (f64.mul (call $uniform)
        (f64.sub (f64.load offset=8328 (i32.shl (local.get $layer) (i32.const 3))) (local.get $fLow)))))
      ;; Squeeze (decides as the exp test would, see squeezeTables in normal-lanes-wasm.ts): below
      ;; the lower line accept, at or above the upper line reject, else compare with exp(−x²/2).
      (if (f64.lt (local.get $y) (f64.add (f64.load offset=94208 (i32.shl (local.get $layer) (i32.const 3)))
            (f64.mul (f64.load offset=96256 (i32.shl (local.get $layer) (i32.const 3))) (local.get $x))))
        (then (return (select (f64.neg (local.get $x)) (local.get $x) (local.get $negative)))))
      (if (f64.lt (local.get $y) (f64.add (f64.load offset=98304 (i32.shl (local.get $layer) (i32.const 3)))
            (f64.mul (f64.load offset=100352 (i32.shl (local.get $layer) (i32.const 3))) (local.get $x))))
        (then
          (if (f64.lt (local.get $y) (call $exp (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))
            (then (return (select (f64.neg (local.get $x)) (local.get $x) (local.get $negative)))))))
      (local.set $low (call $next))
      (local.set $high (call $next))
      (local.set $layer (i32.and (local.get $low) (i32.const 0xff)))
      (local.set $negative (i32.and (local.get $low) (i32.const 0x100)))
      (local.set $u (f64.add (f64.mul (f64.convert_i32_u (local.get $high)) (f64.const 1048576))
                             (f64.convert_i32_u (i32.shr_u (local.get $low) (i32.const 12)))))
      (if (f64.lt (local.get $u) (f64.load offset=128 (i32.shl (local.get $layer) (i32.const 3))))
        (then
          (local.set $x (f64.mul (local.get $u) (f64.load offset=4224 (i32.shl (local.get $layer) (i32.const 3)))))
          (return (select (f64.neg (local.get $x)) (local.get $x) (local.get $negative)))))
      (br $attempt))
    (unreachable))

  ;; Finishes the rejected attempts recorded from $list to $end: value = mean + sd·wedgeOrTail(...).
  (func $finish (param $list i32) (param $end i32) (param $mean f64) (param $sd f64)
    (local $entry i32) (local $lane i32) (local $low i32) (local $high i32) (local $mask i32)
    (block $done
      (loop $next_entry
        (br_if $done (i32.ge_u (local.get $list) (local.get $end)))
        (local.set $entry (i32.load (local.get $list)))
        (local.set $mask (i32.and (local.get $entry) (i32.const 15)))
        (loop $next_lane
          (local.set $lane (i32.ctz (local.get $mask)))
          (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
          (local.set $low (i32.load offset=16 (i32.add (local.get $list) (i32.shl (local.get $lane) (i32.const 2)))))
          (local.set $high (i32.load offset=32 (i32.add (local.get $list) (i32.shl (local.get $lane) (i32.const 2)))))
          (f64.store
            (i32.add (i32.and (local.get $entry) (i32.const -32)) (i32.shl (local.get $lane) (i32.const 3)))
            (f64.add (local.get $mean) (f64.mul (local.get $sd)
              (call $wedgeOrTail (i32.and (local.get $low) (i32.const 0xff))
                (f64.add (f64.mul (f64.convert_i32_u (local.get $high)) (f64.const 1048576))
                         (f64.convert_i32_u (i32.shr_u (local.get $low) (i32.const 12))))
                (i32.and (local.get $low) (i32.const 0x100))))))
          (br_if $next_lane (local.get $mask)))
        (local.set $list (i32.add (local.get $list) (i32.const 48)))
        (br $next_entry))))

  ;; Fills $groups (at most 1,024) groups of four values mean + sd·Z at byte offset $out (32-byte
  ;; aligned; lane k at offset 8k of each group), advancing the lane and slow stream states in memory.
  (func (export "fill") (param $out i32) (param $groups i32) (param $mean f64) (param $sd f64)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $t v128) (local $m v128)
    (local $low v128) (local $high v128) (local $idx v128)
    (local $u01 v128) (local $u23 v128) (local $ok01 v128) (local $ok23 v128)
    (local $vmean v128) (local $vsd v128) (local $p i32) (local $end i32) (local $q i32) (local $rejected i32)
    (local $i0 i32) (local $i1 i32) (local $i2 i32) (local $i3 i32)
    (local.set $s0 (v128.load offset=0 (i32.const 0)))
    (local.set $s1 (v128.load offset=16 (i32.const 0)))
    (local.set $s2 (v128.load offset=32 (i32.const 0)))
    (local.set $s3 (v128.load offset=48 (i32.const 0)))
    (local.set $vmean (f64x2.splat (local.get $mean)))
    (local.set $vsd (f64x2.splat (local.get $sd)))
    (local.set $p (local.get $out))
    (local.set $q (i32.const 45056))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $groups) (i32.const 5))))
    (block $done
      (loop $group
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; first word of each lane: low
        (local.set $m (i32x4.mul (local.get $s1) (i32x4.splat (i32.const 5))))
        (local.set $low (i32x4.mul (v128.or (i32x4.shl (local.get $m) (i32.const 7)) (i32x4.shr_u (local.get $m) (i32.const 25)))
                                   (i32x4.splat (i32.const 9))))
        (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
        ;; second word: high
        (local.set $m (i32x4.mul (local.get $s1) (i32x4.splat (i32.const 5))))
        (local.set $high (i32x4.mul (v128.or (i32x4.shl (local.get $m) (i32.const 7)) (i32x4.shr_u (local.get $m) (i32.const 25)))
                                    (i32x4.splat (i32.const 9))))
        (local.set $t (i32x4.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (v128.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (v128.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (v128.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (v128.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (v128.or (i32x4.shl (local.get $s3) (i32.const 11)) (i32x4.shr_u (local.get $s3) (i32.const 21))))
        ;; abscissae u = high·2^20 + (low >>> 12) = (high·2^32 + low) >>> 12, exact in f64: the 52
        ;; bits become the mantissa of 2^52 + u, and 2^52 is subtracted
        (local.set $u01 (f64x2.sub
          (v128.or (i64x2.shr_u (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $low) (local.get $high)) (i32.const 12))
                   (i64x2.splat (i64.const 0x4330000000000000)))
          (f64x2.splat (f64.const 0x1p52))))
        (local.set $u23 (f64x2.sub
          (v128.or (i64x2.shr_u (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $low) (local.get $high)) (i32.const 12))
                   (i64x2.splat (i64.const 0x4330000000000000)))
          (f64x2.splat (f64.const 0x1p52))))
        ;; table offsets 8·(sign·256 + layer), from bits 0–8 of low
        (local.set $idx (i32x4.shl (v128.and (local.get $low) (i32x4.splat (i32.const 0x1ff))) (i32.const 3)))
        (local.set $i0 (i32x4.extract_lane 0 (local.get $idx)))
        (local.set $i1 (i32x4.extract_lane 1 (local.get $idx)))
        (local.set $i2 (i32x4.extract_lane 2 (local.get $idx)))
        (local.set $i3 (i32x4.extract_lane 3 (local.get $idx)))
        (local.set $ok01 (f64x2.lt (local.get $u01)
          (v128.load64_lane offset=128 1 (local.get $i1) (v128.load64_zero offset=128 (local.get $i0)))))
        (local.set $ok23 (f64x2.lt (local.get $u23)
          (v128.load64_lane offset=128 1 (local.get $i3) (v128.load64_zero offset=128 (local.get $i2)))))
        ;; mean + sd·(u·(±w)), exact negation through the signed table
        (v128.store offset=0 (local.get $p) (f64x2.add (local.get $vmean) (f64x2.mul (local.get $vsd)
          (f64x2.mul (local.get $u01)
            (v128.load64_lane offset=4224 1 (local.get $i1) (v128.load64_zero offset=4224 (local.get $i0)))))))
        (v128.store offset=16 (local.get $p) (f64x2.add (local.get $vmean) (f64x2.mul (local.get $vsd)
          (f64x2.mul (local.get $u23)
            (v128.load64_lane offset=4224 1 (local.get $i3) (v128.load64_zero offset=4224 (local.get $i2)))))))
        ;; record the group (always written, kept only when a lane was rejected)
        (local.set $rejected (i32.xor (i32.const 15)
          (i32x4.bitmask (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $ok01) (local.get $ok23)))))
        (i32.store (local.get $q) (i32.or (local.get $p) (local.get $rejected)))
        (v128.store offset=16 (local.get $q) (local.get $low))
        (v128.store offset=32 (local.get $q) (local.get $high))
        (local.set $q (i32.add (local.get $q) (select (i32.const 48) (i32.const 0) (local.get $rejected))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $group)))
    (v128.store offset=0 (i32.const 0) (local.get $s0))
    (v128.store offset=16 (i32.const 0) (local.get $s1))
    (v128.store offset=32 (i32.const 0) (local.get $s2))
    (v128.store offset=48 (i32.const 0) (local.get $s3))
    (call $finish (i32.const 45056) (local.get $q) (local.get $mean) (local.get $sd))))
