;; The loop of frame-lines.ts: complete lines of plain ASCII framed for the live view, in linear
;; memory, sixteen bytes at a time (SIMD). A byte that is not printable ASCII or a tab makes it
;; give up (-1), and the text takes the general path (decoding, escaping).
;;
;; It reads and writes whole 16-byte blocks: a block may run past a line's end (the bytes past
;; it are written over by what follows) and past the text's end, so the caller leaves 16 bytes
;; of room after the text, the frames and the output. The text must end in a line feed, which
;; stops every scan.
(module
  (memory (export "memory") 1)

  ;; Frames `length` bytes at `text` into `out`: each line as `before` line `after` (the line
  ;; feed is `after`'s to write). Returns how many bytes it wrote, or -1.
  (func (export "frame")
    (param $text i32) (param $length i32)
    (param $before i32) (param $beforeLength i32)
    (param $after i32) (param $afterLength i32)
    (param $out i32)
    (result i32)
    (local $at i32) (local $end i32) (local $written i32) (local $lineStart i32)
    (local $block v128) (local $stops i32)
    (local $beforeBlock v128) (local $afterBlock v128)
    (local.set $beforeBlock (v128.load (local.get $before)))
    (local.set $afterBlock (v128.load (local.get $after)))
    (local.set $at (local.get $text))
    (local.set $end (i32.add (local.get $text) (local.get $length)))
    (local.set $written (local.get $out))
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (call $put (local.get $written) (local.get $beforeBlock) (local.get $before) (local.get $beforeLength))
        (local.set $written (i32.add (local.get $written) (local.get $beforeLength)))
        (local.set $lineStart (local.get $at))
        ;; Copy the line a block at a time until a block holds its line feed or a byte that
        ;; needs escaping: `stops` has a bit for each.
        (block $found
          (loop $scan
            (local.set $block (v128.load (local.get $at)))
            (v128.store
              (i32.add (local.get $written) (i32.sub (local.get $at) (local.get $lineStart)))
              (local.get $block))
            (local.set $stops
              (i8x16.bitmask
                (v128.not
                  (v128.or
                    ;; Printable ASCII is 0x20 to 0x7E: one unsigned comparison.
                    (i8x16.lt_u
                      (i8x16.sub (local.get $block) (i8x16.splat (i32.const 0x20)))
                      (i8x16.splat (i32.const 0x5f)))
                    (i8x16.eq (local.get $block) (i8x16.splat (i32.const 9)))))))
            (br_if $found (local.get $stops))
            (local.set $at (i32.add (local.get $at) (i32.const 16)))
            (br $scan)))
        (local.set $at (i32.add (local.get $at) (i32.ctz (local.get $stops))))
        (if (i32.ne (i32.load8_u (local.get $at)) (i32.const 10)) (then (return (i32.const -1))))
        (local.set $written
          (i32.add (local.get $written) (i32.sub (local.get $at) (local.get $lineStart))))
        (call $put (local.get $written) (local.get $afterBlock) (local.get $after) (local.get $afterLength))
        (local.set $written (i32.add (local.get $written) (local.get $afterLength)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $line)))
    (i32.sub (local.get $written) (local.get $out)))

  ;; Writes a frame at `to`: one block store when it fits in a block (most do: the gutter),
  ;; else a copy (a coloured one).
  (func $put (param $to i32) (param $block v128) (param $frame i32) (param $length i32)
    (if (i32.le_u (local.get $length) (i32.const 16))
      (then (v128.store (local.get $to) (local.get $block)))
      (else (memory.copy (local.get $to) (local.get $frame) (local.get $length))))))
