//! The long image (一图读懂) is the same bytes from two separate runs of its command, and those are
//! the committed images (whose digest `tools::long_image` checks against the data).

#[test]
fn two_processes_draw_the_same_bytes_as_the_committed_images() {
    let run = |dir: &std::path::Path| {
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_longimage"))
            .arg(dir)
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
            .status()
            .expect("runs");
        assert!(status.success(), "longimage into {}", dir.display());
    };
    let base = std::env::temp_dir().join(format!("changhe-long-{}", std::process::id()));
    let (a, b) = (base.join("a"), base.join("b"));
    for d in [&a, &b] {
        std::fs::create_dir_all(d).expect("temp dir");
        run(d);
    }
    for name in [
        "long-zh.png",
        "long-en.png",
        "long-zh.txt",
        "long-en.txt",
        "long.txt",
    ] {
        let first = std::fs::read(a.join(name)).expect("first run's file");
        let second = std::fs::read(b.join(name)).expect("second run's file");
        assert!(first == second, "{name}: two runs differ");
        let committed = std::fs::read(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../static")).join(name),
        )
        .expect("the committed file");
        assert!(first == committed, "static/{name} is not what the command draws: run `cargo run --release -p tools --bin longimage`");
    }
    let _ = std::fs::remove_dir_all(&base);
}
