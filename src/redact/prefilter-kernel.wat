;; The loop of prefilter.ts (`firstCandidate`): one pass over a text's code units in linear
;; memory that stops where the full scan has to look. prefilter.ts lays out the memory, holds
;; the state between pieces of a stream and decides, in JavaScript, whether a flagged pair really
;; begins a trigger or a value (then it resumes the scan after it).
(module
  ;; 0: the pair table (non-zero where a trigger or a value may start with the pair);
  ;; 65536: what each code unit is, as bits: 1 it goes on a base64 run (base64, or a CR),
  ;; 2 a line break, 4 an escape;
  ;; 131072: the text, one byte a code unit or two (little-endian).
  (memory (export "memory") 3)

  ;; The scan's state (prefilter.ts's QuietState, and where `previous` is in the text, or -1).
  (global $previous (export "previous") (mut i32) (i32.const -1))
  (global $previousAt (export "previousAt") (mut i32) (i32.const -1))
  (global $run (export "run") (mut i32) (i32.const 0))
  ;; 1 when the scan stopped at a flagged pair, else 0.
  (global $flagged (export "flagged") (mut i32) (i32.const 0))

  ;; Scans code units `from` to `length` (`wide`: two bytes each) from the state in the globals.
  ;; Returns -1 at the end, with the state moved to it; else where it stopped: the end of the
  ;; first `minRun` base64 units together, an escape, or the second unit of a flagged pair
  ;; (then `flagged` is 1 and `previousAt` holds the first, or -1 when it came before the text,
  ;; with the state as it was before that unit).
  (func (export "scan")
    (param $from i32) (param $length i32) (param $wide i32) (param $minRun i32)
    (result i32)
    (local $at i32) (local $code i32) (local $what i32)
    (local $previous i32) (local $previousAt i32) (local $run i32)
    (local.set $previous (global.get $previous))
    (local.set $previousAt (global.get $previousAt))
    (local.set $run (global.get $run))
    (local.set $at (local.get $from))
    (global.set $flagged (i32.const 0))
    (block $end
      (loop $unit
        (br_if $end (i32.ge_u (local.get $at) (local.get $length)))
        (local.set $code
          (if (result i32) (local.get $wide)
            (then (i32.load16_u offset=131072 (i32.shl (local.get $at) (i32.const 1))))
            (else (i32.load8_u offset=131072 (local.get $at)))))
        (local.set $what (i32.load8_u offset=65536 (local.get $code)))
        ;; The run grows by one or drops to 0, without a branch: the mask is -1 or 0.
        (local.set $run
          (i32.and
            (i32.add (local.get $run) (i32.const 1))
            (i32.sub (i32.const 0) (i32.and (local.get $what) (i32.const 1)))))
        (if (i32.ge_u (local.get $run) (local.get $minRun)) (then (return (local.get $at))))
        (if (i32.ge_u (local.get $what) (i32.const 2))
          (then
            (if (i32.ge_u (local.get $what) (i32.const 4)) (then (return (local.get $at))))
            ;; A line break: neither half of a pair.
            (local.set $at (i32.add (local.get $at) (i32.const 1)))
            (br $unit)))
        (if (i32.ne (local.get $previous) (i32.const -1))
          (then
            (if (i32.load8_u
                  (i32.and
                    (i32.or (i32.shl (local.get $previous) (i32.const 7)) (local.get $code))
                    (i32.const 0xffff)))
              (then
                (global.set $flagged (i32.const 1))
                (global.set $previous (local.get $previous))
                (global.set $previousAt (local.get $previousAt))
                (global.set $run (local.get $run))
                (return (local.get $at))))))
        (local.set $previous (local.get $code))
        (local.set $previousAt (local.get $at))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $unit)))
    (global.set $previous (local.get $previous))
    (global.set $previousAt (local.get $previousAt))
    (global.set $run (local.get $run))
    (i32.const -1)))
