;; Affine-chain column kernels (WebAssembly SIMD). Source of affine-kernel-bytes.ts, compiled by
;; packages/core/scripts/build-wasm.ts; affine-kernel.test.ts checks that the committed bytes are
;; current. Each function evaluates `count` elements two at a time in f64x2 registers (and the odd
;; last one alone) with exactly the IEEE operations, in the same order, of the JavaScript loops in
;; affine-chain.ts (first1 / add1 / add2 / add4): a chain c0·a0 + c1·a1 + … is `scale` for its first
;; term, then `add4`, `add2` and `add1` passes for the rest, which is the same left-to-right sum.
;; WebAssembly never contracts a multiply and an add into a fused multiply–add, so results are
;; bit-identical to the JavaScript loops. Pointers are byte offsets into the imported memory (the
;; normal-lanes kernel's, see affine-wasm.ts); within one function an output may be an input, but a
;; chain's output must not be one of its inputs (its first pass overwrites it).
(module
  (import "kernel" "memory" (memory 2))

  ;; out[i] = c·a[i]
  (func (export "scale") (param $out i32) (param $c f64) (param $a i32) (param $count i32)
    (local $end i32) (local $pairs i32) (local $vc v128)
    (local.set $vc (f64x2.splat (local.get $c)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $pairs (i32.add (local.get $out) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    ;; sources become offsets from the output pointer, so one pointer walks all arrays
    (local.set $a (i32.sub (local.get $a) (local.get $out)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $out) (local.get $pairs)))
        (v128.store (local.get $out)
          (f64x2.mul (local.get $vc) (v128.load (i32.add (local.get $out) (local.get $a)))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $out) (local.get $end))
      (then (f64.store (local.get $out)
        (f64.mul (local.get $c) (f64.load (i32.add (local.get $out) (local.get $a))))))))

  ;; out[i] = out[i] + c0·a0[i]
  (func (export "add1") (param $out i32) (param $c0 f64) (param $a0 i32) (param $count i32)
    (local $end i32) (local $pairs i32) (local $v0 v128)
    (local.set $v0 (f64x2.splat (local.get $c0)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $pairs (i32.add (local.get $out) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    (local.set $a0 (i32.sub (local.get $a0) (local.get $out)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $out) (local.get $pairs)))
        (v128.store (local.get $out)
          (f64x2.add (v128.load (local.get $out))
            (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $out) (local.get $a0))))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $out) (local.get $end))
      (then (f64.store (local.get $out)
        (f64.add (f64.load (local.get $out))
          (f64.mul (local.get $c0) (f64.load (i32.add (local.get $out) (local.get $a0)))))))))

  ;; out[i] = out[i] + c0·a0[i] + c1·a1[i]
  (func (export "add2") (param $out i32) (param $c0 f64) (param $a0 i32) (param $c1 f64) (param $a1 i32) (param $count i32)
    (local $end i32) (local $pairs i32) (local $v0 v128) (local $v1 v128)
    (local.set $v0 (f64x2.splat (local.get $c0)))
    (local.set $v1 (f64x2.splat (local.get $c1)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $pairs (i32.add (local.get $out) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    (local.set $a0 (i32.sub (local.get $a0) (local.get $out)))
    (local.set $a1 (i32.sub (local.get $a1) (local.get $out)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $out) (local.get $pairs)))
        (v128.store (local.get $out)
          (f64x2.add
            (f64x2.add (v128.load (local.get $out))
              (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $out) (local.get $a0)))))
            (f64x2.mul (local.get $v1) (v128.load (i32.add (local.get $out) (local.get $a1))))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $out) (local.get $end))
      (then (f64.store (local.get $out)
        (f64.add
          (f64.add (f64.load (local.get $out))
            (f64.mul (local.get $c0) (f64.load (i32.add (local.get $out) (local.get $a0)))))
          (f64.mul (local.get $c1) (f64.load (i32.add (local.get $out) (local.get $a1)))))))))

  ;; out[i] = out[i] + c0·a0[i] + c1·a1[i] + c2·a2[i] + c3·a3[i]
  (func (export "add4") (param $out i32) (param $c0 f64) (param $a0 i32) (param $c1 f64) (param $a1 i32)
    (param $c2 f64) (param $a2 i32) (param $c3 f64) (param $a3 i32) (param $count i32)
    (local $end i32) (local $pairs i32) (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local.set $v0 (f64x2.splat (local.get $c0)))
    (local.set $v1 (f64x2.splat (local.get $c1)))
    (local.set $v2 (f64x2.splat (local.get $c2)))
    (local.set $v3 (f64x2.splat (local.get $c3)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (local.set $pairs (i32.add (local.get $out) (i32.shl (i32.and (local.get $count) (i32.const -2)) (i32.const 3))))
    (local.set $a0 (i32.sub (local.get $a0) (local.get $out)))
    (local.set $a1 (i32.sub (local.get $a1) (local.get $out)))
    (local.set $a2 (i32.sub (local.get $a2) (local.get $out)))
    (local.set $a3 (i32.sub (local.get $a3) (local.get $out)))
    (block $done
      (loop $pair
        (br_if $done (i32.ge_u (local.get $out) (local.get $pairs)))
        (v128.store (local.get $out)
          (f64x2.add
            (f64x2.add
              (f64x2.add
                (f64x2.add (v128.load (local.get $out))
                  (f64x2.mul (local.get $v0) (v128.load (i32.add (local.get $out) (local.get $a0)))))
                (f64x2.mul (local.get $v1) (v128.load (i32.add (local.get $out) (local.get $a1)))))
              (f64x2.mul (local.get $v2) (v128.load (i32.add (local.get $out) (local.get $a2)))))
            (f64x2.mul (local.get $v3) (v128.load (i32.add (local.get $out) (local.get $a3))))))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $pair)))
    (if (i32.lt_u (local.get $out) (local.get $end))
      (then (f64.store (local.get $out)
        (f64.add
          (f64.add
            (f64.add
              (f64.add (f64.load (local.get $out))
                (f64.mul (local.get $c0) (f64.load (i32.add (local.get $out) (local.get $a0)))))
              (f64.mul (local.get $c1) (f64.load (i32.add (local.get $out) (local.get $a1)))))
            (f64.mul (local.get $c2) (f64.load (i32.add (local.get $out) (local.get $a2)))))
          (f64.mul (local.get $c3) (f64.load (i32.add (local.get $out) (local.get $a3)))))))))
)
