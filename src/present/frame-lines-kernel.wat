;; The loop of frame-lines.ts: complete lines of plain ASCII framed for the live view, one pass
;; over their bytes in linear memory. A byte that is not printable ASCII or a tab, a line longer
;; than the limit makes it give up (-1), and the text takes the general path (decoding, escaping,
;; cutting long lines). The caller checks that the text ends in a line feed.
(module
  (memory (export "memory") 1)

  ;; Frames `length` bytes at `text` into `out`: each line as `before` line `after` (the line
  ;; feed is `after`'s to write). The text must end in a line feed. Returns how many bytes it
  ;; wrote, or -1.
  (func (export "frame")
    (param $text i32) (param $length i32)
    (param $before i32) (param $beforeLength i32)
    (param $after i32) (param $afterLength i32)
    (param $out i32) (param $maxLine i32)
    (result i32)
    (local $at i32) (local $end i32) (local $written i32) (local $lineStart i32) (local $byte i32)
    (local.set $at (local.get $text))
    (local.set $end (i32.add (local.get $text) (local.get $length)))
    (local.set $written (local.get $out))
    (block $done
      (loop $line
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (memory.copy (local.get $written) (local.get $before) (local.get $beforeLength))
        (local.set $written (i32.add (local.get $written) (local.get $beforeLength)))
        (local.set $lineStart (local.get $at))
        (block $lineEnd
          (loop $char
            (local.set $byte (i32.load8_u (local.get $at)))
            ;; Printable ASCII is 0x20 to 0x7E: one unsigned comparison, and most bytes pass it.
            ;; The caller's text ends in a line feed, so the line's end bounds this loop.
            (if (i32.lt_u (i32.sub (local.get $byte) (i32.const 0x20)) (i32.const 0x5f))
              (then
                (i32.store8 (local.get $written) (local.get $byte))
                (local.set $written (i32.add (local.get $written) (i32.const 1)))
                (local.set $at (i32.add (local.get $at) (i32.const 1)))
                (br $char)))
            (br_if $lineEnd (i32.eq (local.get $byte) (i32.const 10)))
            ;; A tab prints as itself too; anything else needs escaping.
            (if (i32.ne (local.get $byte) (i32.const 9)) (then (return (i32.const -1))))
            (i32.store8 (local.get $written) (local.get $byte))
            (local.set $written (i32.add (local.get $written) (i32.const 1)))
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $char)))
        (if (i32.gt_u (i32.sub (local.get $at) (local.get $lineStart)) (local.get $maxLine))
          (then (return (i32.const -1))))
        (memory.copy (local.get $written) (local.get $after) (local.get $afterLength))
        (local.set $written (i32.add (local.get $written) (local.get $afterLength)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $line)))
    (i32.sub (local.get $written) (local.get $out))))
