//! How much data a day of ordinary phone use takes: hours of each activity
//! times its MB per hour. The figures are shown and editable: they vary by a
//! factor of ten between apps and settings.

use crate::core::catalogue::Megabytes;

/// Something people do on their phones abroad.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Activity {
    /// Maps and navigation (offline maps use almost nothing).
    Maps,
    /// Social media feeds.
    Social,
    /// Web browsing and messaging.
    Web,
    /// Music streaming.
    Music,
    /// Video at low quality (and short-video feeds).
    VideoLow,
    /// Video at standard definition.
    VideoSd,
    /// Video in HD.
    VideoHd,
    /// Video calls.
    VideoCalls,
}

impl Activity {
    /// Every activity, in the order the estimator lists them.
    pub const ALL: [Activity; 8] = [
        Activity::Maps,
        Activity::Social,
        Activity::Web,
        Activity::Music,
        Activity::VideoLow,
        Activity::VideoSd,
        Activity::VideoHd,
        Activity::VideoCalls,
    ];

    /// Typical MB an hour (domain notes: streaming services' and carriers'
    /// own calculators, middle of the quoted range; 1 GB = 1024 MB).
    pub fn default_mb_per_hour(self) -> Megabytes {
        match self {
            Activity::Maps => 30,
            Activity::Social | Activity::Music => 100,
            Activity::Web => 20,
            Activity::VideoLow => 300,
            Activity::VideoSd => 1024,
            Activity::VideoHd => 3072,
            Activity::VideoCalls => 384,
        }
    }

    /// Default hours a day (tenths) for a typical sightseeing day.
    pub fn default_tenth_hours(self) -> u32 {
        match self {
            Activity::Maps | Activity::Web => 20,
            Activity::Social => 10,
            Activity::Music | Activity::VideoLow => 5,
            Activity::VideoCalls => 2,
            Activity::VideoSd | Activity::VideoHd => 0,
        }
    }

    /// Stable key for storage and ids.
    pub fn key(self) -> &'static str {
        match self {
            Activity::Maps => "maps",
            Activity::Social => "social",
            Activity::Web => "web",
            Activity::Music => "music",
            Activity::VideoLow => "video-low",
            Activity::VideoSd => "video-sd",
            Activity::VideoHd => "video-hd",
            Activity::VideoCalls => "video-calls",
        }
    }
}

/// One line of the estimator: an activity, hours a day, MB an hour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UsageLine {
    /// The activity.
    pub activity: Activity,
    /// Hours a day, in tenths (1.5 h -> 15).
    pub tenth_hours: u32,
    /// MB an hour.
    pub mb_per_hour: Megabytes,
}

/// The default estimate: a typical day of sightseeing.
pub fn default_lines() -> Vec<UsageLine> {
    Activity::ALL
        .into_iter()
        .map(|activity| UsageLine {
            activity,
            tenth_hours: activity.default_tenth_hours(),
            mb_per_hour: activity.default_mb_per_hour(),
        })
        .collect()
}

/// MB a day for these lines, rounded up to the whole MB.
pub fn mb_per_day(lines: &[UsageLine]) -> Megabytes {
    let tenth_mb: u64 = lines
        .iter()
        .map(|l| u64::from(l.tenth_hours) * l.mb_per_hour)
        .sum();
    tenth_mb.div_ceil(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_hours_times_rates() {
        let lines = [
            UsageLine {
                activity: Activity::Maps,
                tenth_hours: 20,
                mb_per_hour: 30,
            },
            UsageLine {
                activity: Activity::VideoHd,
                tenth_hours: 5,
                mb_per_hour: 3072,
            },
        ];
        // 2 h x 30 + 0.5 h x 3072 = 60 + 1536.
        assert_eq!(mb_per_day(&lines), 1596);
    }

    #[test]
    fn partial_megabytes_round_up() {
        let lines = [UsageLine {
            activity: Activity::Web,
            tenth_hours: 1,
            mb_per_hour: 25,
        }];
        assert_eq!(mb_per_day(&lines), 3, "0.1 h x 25 = 2.5 MB -> 3");
    }

    #[test]
    fn default_day_is_a_few_hundred_megabytes() {
        // 2x30 + 1x100 + 2x20 + 0.5x100 + 0.5x300 + 0.2x384 = 476.8 -> 477.
        assert_eq!(mb_per_day(&default_lines()), 477);
    }

    #[test]
    fn video_rates_follow_the_domain_figures() {
        assert_eq!(Activity::VideoLow.default_mb_per_hour(), 300);
        assert_eq!(Activity::VideoSd.default_mb_per_hour(), 1024);
        assert_eq!(Activity::VideoHd.default_mb_per_hour(), 3 * 1024);
    }
}
