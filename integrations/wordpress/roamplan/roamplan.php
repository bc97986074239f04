<?php
/**
 * Plugin Name:       roamplan
 * Description:       Embeds the roamplan travel-data calculator, hosted by you as a static folder, with a block or the [roamplan] shortcode.
 * Version:           0.1.0
 * Requires at least: 6.3
 * Requires PHP:      7.4
 * Author:            roamplan
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       roamplan
 *
 * Licence: roamplan is released under the MIT licence (as is this plugin),
 * which is compatible with the GNU GPL version 2 or later that WordPress uses.
 *
 * The block and the shortcode render the same HTML through roamplan_render():
 * the iframe embed of README.md ("Embedding it"), its settings whitelisted,
 * validated and escaped, plus one embed.js script per page (it sizes the
 * frames to the widget's height).
 */

defined( 'ABSPATH' ) || exit;

/** Option holding the widget's address (its index.html in the folder where dist/ was copied). */
const ROAMPLAN_OPTION = 'roamplan_base_url';
/** Frame height before embed.js sizes it, in pixels (README's snippet). */
const ROAMPLAN_DEFAULT_HEIGHT = 900;
/** The widget's own bounds (src/core/trip.rs): legs, days in all, travellers, MB per day. */
const ROAMPLAN_MAX_LEGS       = 20;
const ROAMPLAN_MAX_TRIP_DAYS  = 120;
const ROAMPLAN_MAX_PEOPLE     = 12;
const ROAMPLAN_MAX_MB_PER_DAY = 102400;

/**
 * Every attribute the block and the shortcode accept, in the order the
 * settings are written into the widget's link: the share-link keys of the
 * catalogue contract, the widget's theme and focus, then the frame's own
 * height and title (not part of the link).
 *
 * @return string[]
 */
function roamplan_attribute_names() {
	return array(
		'trip',
		'people',
		'together',
		'mb',
		'home',
		'esim',
		'carrier',
		'plan',
		'cur',
		'lang',
		'start',
		'hp_price',
		'hp_cur',
		'hp_gb',
		'catalogue',
		'theme',
		'focus',
		'height',
		'title',
	);
}

/**
 * A whole number in min..max, written without leading zeros, or null.
 *
 * @param string $value As given.
 * @param int    $min   Smallest allowed.
 * @param int    $max   Largest allowed.
 * @return string|null
 */
function roamplan_count( $value, $min, $max ) {
	if ( ! preg_match( '/^\d{1,7}\z/', $value ) ) {
		return null;
	}
	$n = (int) $value;
	return ( $n >= $min && $n <= $max ) ? (string) $n : null;
}

/**
 * Checks one attribute's value. Returns it normalised (upper-case codes,
 * canonical language tag, no spaces in lists) or null when it is not valid.
 *
 * @param string $key   One of roamplan_attribute_names().
 * @param string $value Trimmed, entities decoded, not empty.
 * @return string|null
 */
function roamplan_check( $key, $value ) {
	switch ( $key ) {
		case 'trip':
			$trip = strtoupper( preg_replace( '/\s+/', '', $value ) );
			if ( ! preg_match( '/^[A-Z]{2}:\d{1,3}(,[A-Z]{2}:\d{1,3}){0,' . ( ROAMPLAN_MAX_LEGS - 1 ) . '}\z/', $trip ) ) {
				return null;
			}
			$total = 0;
			foreach ( explode( ',', $trip ) as $leg ) {
				$days = (int) substr( $leg, 3 );
				if ( $days < 1 ) {
					return null;
				}
				$total += $days;
			}
			return $total <= ROAMPLAN_MAX_TRIP_DAYS ? $trip : null;

		case 'people':
			return roamplan_count( $value, 1, ROAMPLAN_MAX_PEOPLE );

		case 'together':
			$flag = strtolower( $value );
			if ( '1' === $flag || 'true' === $flag ) {
				return '1';
			}
			return ( '0' === $flag || 'false' === $flag ) ? '0' : null;

		case 'mb':
			// One value for all travellers, or one per traveller.
			$list = preg_replace( '/\s+/', '', $value );
			if ( ! preg_match( '/^\d{1,6}(,\d{1,6}){0,' . ( ROAMPLAN_MAX_PEOPLE - 1 ) . '}\z/', $list ) ) {
				return null;
			}
			$out = array();
			foreach ( explode( ',', $list ) as $mb ) {
				$n = roamplan_count( $mb, 1, ROAMPLAN_MAX_MB_PER_DAY );
				if ( null === $n ) {
					return null;
				}
				$out[] = $n;
			}
			return implode( ',', $out );

		case 'home':
			$code = strtoupper( $value );
			return preg_match( '/^[A-Z]{2}\z/', $code ) ? $code : null;

		case 'esim':
			$list = preg_replace( '/\s+/', '', $value );
			return preg_match( '/^[01](,[01]){0,' . ( ROAMPLAN_MAX_PEOPLE - 1 ) . '}\z/', $list ) ? $list : null;

		case 'carrier':
			// A provider name as catalogues write it ("SmarTone", "AT&T", "3 Hong Kong").
			if ( strlen( $value ) > 80 ) {
				return null;
			}
			return preg_match( "/^[\\p{L}\\p{N}][\\p{L}\\p{N} .&'’()+\\/_!-]*\\z/u", $value ) ? $value : null;

		case 'plan':
			// A catalogue plan id: [a-z0-9-]+.
			return preg_match( '/^[a-z0-9-]{1,64}\z/', $value ) ? $value : null;

		case 'cur':
		case 'hp_cur':
			$code = strtoupper( $value );
			return preg_match( '/^[A-Z]{3}\z/', $code ) ? $code : null;

		case 'lang':
			foreach ( array( 'en', 'zh-Hans', 'zh-Hant', 'fr' ) as $lang ) {
				if ( strtolower( $lang ) === strtolower( $value ) ) {
					return $lang;
				}
			}
			return null;

		case 'start':
			if ( ! preg_match( '/^(\d{4})-(\d{2})-(\d{2})\z/', $value, $m ) ) {
				return null;
			}
			return checkdate( (int) $m[2], (int) $m[3], (int) $m[1] ) ? $value : null;

		case 'hp_price':
			// A positive price with at most two decimals: 20, 19.99, 19,99.
			if ( ! preg_match( '/^(\d{1,6})(?:[.,](\d{1,2}))?\z/', $value, $m ) ) {
				return null;
			}
			$price = isset( $m[2] ) ? $m[1] . '.' . $m[2] : $m[1];
			return ( (float) $price > 0 ) ? $price : null;

		case 'hp_gb':
			return roamplan_count( $value, 1, 100000 );

		case 'catalogue':
			// An absolute http(s) address only (never javascript:, data:, //host).
			if ( strlen( $value ) > 2000
				|| ! preg_match( '#^https?://#i', $value )
				|| preg_match( '/[\x00-\x20"\'<>\\\\^`{|}\x7f]/', $value ) ) {
				return null;
			}
			$host = parse_url( $value, PHP_URL_HOST );
			return ( is_string( $host ) && '' !== $host ) ? $value : null;

		case 'theme':
			$theme = strtolower( $value );
			return in_array( $theme, array( 'light', 'dark', 'auto' ), true ) ? $theme : null;

		case 'focus':
			$list = strtoupper( preg_replace( '/\s+/', '', $value ) );
			return preg_match( '/^[A-Z]{2}(,[A-Z]{2}){0,' . ( ROAMPLAN_MAX_LEGS - 1 ) . '}\z/', $list ) ? $list : null;

		case 'height':
			return roamplan_count( preg_replace( '/px\z/i', '', $value ), 200, 20000 );

		case 'title':
			// Plain text: no markup, no control characters, valid UTF-8.
			if ( strlen( $value ) > 200 || preg_match( '/[<>\x00-\x1f\x7f]/', $value ) || ! preg_match( '//u', $value ) ) {
				return null;
			}
			return $value;
	}
	return null;
}

/**
 * What a valid value of each attribute looks like, for the comment that
 * tells the blogger why a value was ignored.
 *
 * @param string $key One of roamplan_attribute_names().
 * @return string
 */
function roamplan_expected( $key ) {
	switch ( $key ) {
		case 'trip':
			/* translators: 1: most legs, 2: most days. */
			return sprintf( __( 'legs written CC:days and separated by commas, e.g. HK:3,CN:2; at most %1$d legs and %2$d days in all', 'roamplan' ), ROAMPLAN_MAX_LEGS, ROAMPLAN_MAX_TRIP_DAYS );
		case 'people':
			/* translators: %d: most travellers. */
			return sprintf( __( 'a whole number from 1 to %d', 'roamplan' ), ROAMPLAN_MAX_PEOPLE );
		case 'together':
			return __( '1 or 0', 'roamplan' );
		case 'mb':
			/* translators: 1: most MB per day, 2: most travellers. */
			return sprintf( __( 'MB per day from 1 to %1$d, one value or one per traveller (at most %2$d)', 'roamplan' ), ROAMPLAN_MAX_MB_PER_DAY, ROAMPLAN_MAX_PEOPLE );
		case 'home':
			return __( 'a two-letter country code, e.g. HK', 'roamplan' );
		case 'esim':
			return __( '1 or 0, one value or one per traveller', 'roamplan' );
		case 'carrier':
			return __( 'a carrier name as the catalogue writes it, at most 80 characters', 'roamplan' );
		case 'plan':
			return __( 'a plan id from the catalogue: lower-case letters, digits and hyphens', 'roamplan' );
		case 'cur':
		case 'hp_cur':
			return __( 'a three-letter currency code, e.g. HKD', 'roamplan' );
		case 'lang':
			return __( 'one of en, zh-Hans, zh-Hant, fr', 'roamplan' );
		case 'start':
			return __( 'a date written YYYY-MM-DD', 'roamplan' );
		case 'hp_price':
			return __( 'a positive price with at most two decimals, e.g. 19.99', 'roamplan' );
		case 'hp_gb':
			return __( 'a whole number of GB from 1 to 100000', 'roamplan' );
		case 'catalogue':
			return __( 'an http:// or https:// address', 'roamplan' );
		case 'theme':
			return __( 'light, dark or auto', 'roamplan' );
		case 'focus':
			return __( 'two-letter country codes separated by commas, e.g. HK,MO', 'roamplan' );
		case 'height':
			return __( 'a height in pixels from 200 to 20000', 'roamplan' );
		case 'title':
			return __( 'plain text of at most 200 characters', 'roamplan' );
	}
	return '';
}

/**
 * An HTML comment for the blogger (readers do not see it). Its text can
 * neither close the comment nor open a tag.
 *
 * @param string $text The note.
 * @return string
 */
function roamplan_comment( $text ) {
	$text = str_replace( array( '<', '>' ), '', $text );
	while ( false !== strpos( $text, '--' ) ) {
		$text = str_replace( '--', '- -', $text );
	}
	return '<!-- roamplan: ' . $text . ' -->';
}

/**
 * A query value percent-encoded (rawurlencode), with `:` and `,` left as
 * they are, as the widget's own share links write them (HK:3,CN:2).
 *
 * @param string $value The value.
 * @return string
 */
function roamplan_encode( $value ) {
	return str_replace( array( '%3A', '%2C' ), array( ':', ',' ), rawurlencode( $value ) );
}

/**
 * Checks the widget's address: an absolute http(s) address or a path on this
 * site (/tools/roamplan/index.html). Any query or fragment is dropped; a bare
 * host gets the path "/". Returns null when it is not such an address.
 *
 * @param string $value As typed.
 * @return string|null
 */
function roamplan_clean_base_url( $value ) {
	$value = trim( (string) $value );
	if ( '' === $value || strlen( $value ) > 2000 || preg_match( '/[\x00-\x20"\'<>\\\\^`{|}\x7f]/', $value ) ) {
		return null;
	}
	$value = preg_replace( '/[?#].*\z/s', '', $value );
	if ( preg_match( '#^https?://[^/]+#i', $value, $m ) ) {
		$host = parse_url( $value, PHP_URL_HOST );
		if ( ! is_string( $host ) || '' === $host ) {
			return null;
		}
		return $m[0] === $value ? $value . '/' : $value;
	}
	if ( '/' === substr( $value, 0, 1 ) && '/' !== substr( $value, 1, 1 ) ) {
		return $value;
	}
	return null;
}

/**
 * The widget's address from the settings, or '' when none (or none valid) is set.
 *
 * @return string
 */
function roamplan_base_url() {
	$value = get_option( ROAMPLAN_OPTION, '' );
	$clean = is_string( $value ) ? roamplan_clean_base_url( $value ) : null;
	return null === $clean ? '' : $clean;
}

/**
 * embed.js in the widget's folder.
 *
 * @param string $base The widget's address (roamplan_base_url()).
 * @return string
 */
function roamplan_embed_script_url( $base ) {
	return substr( $base, 0, strrpos( $base, '/' ) + 1 ) . 'embed.js';
}

/**
 * Renders one widget: the iframe of README's "Embedding it", with every valid
 * setting in its link, and an HTML comment for each value that was ignored.
 * Enqueues embed.js (one script per page however many widgets).
 *
 * @param array    $atts  Attribute name => value; null or '' means not set.
 * @param string[] $notes Notes already gathered (unknown attributes).
 * @return string
 */
function roamplan_render( $atts, $notes = array() ) {
	$values = array();
	foreach ( roamplan_attribute_names() as $key ) {
		if ( ! isset( $atts[ $key ] ) ) {
			continue;
		}
		$raw = $atts[ $key ];
		$value = null;
		if ( is_scalar( $raw ) ) {
			// The editor may store & as &amp;; decoded here, escaped again on output.
			$raw = trim( html_entity_decode( (string) $raw, ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
			if ( '' === $raw ) {
				continue;
			}
			$value = roamplan_check( $key, $raw );
		}
		if ( null === $value ) {
			/* translators: 1: attribute name, 2: what a valid value looks like. */
			$notes[] = sprintf( __( 'ignored attribute %1$s (must be %2$s); the default applies', 'roamplan' ), $key, roamplan_expected( $key ) );
			continue;
		}
		$values[ $key ] = $value;
	}

	$base = roamplan_base_url();
	if ( '' === $base ) {
		$notes[] = __( 'no widget address yet: set it under Settings → roamplan', 'roamplan' );
		return implode( "\n", array_map( 'roamplan_comment', $notes ) );
	}

	// Embeds are light unless the blogger chooses; language and currency
	// follow the reader and the start date is the reader's today unless set.
	if ( ! isset( $values['theme'] ) ) {
		$values['theme'] = 'light';
	}
	$height = isset( $values['height'] ) ? (int) $values['height'] : ROAMPLAN_DEFAULT_HEIGHT;
	$title  = isset( $values['title'] ) ? $values['title'] : __( 'Mobile data for your trip', 'roamplan' );
	unset( $values['height'], $values['title'] );

	$query = array();
	foreach ( $values as $key => $value ) {
		$query[] = $key . '=' . roamplan_encode( $value );
	}
	$src = $base . ( false === strpos( $base, '?' ) ? '?' : '&' ) . implode( '&', $query );

	wp_enqueue_script(
		'roamplan-embed',
		roamplan_embed_script_url( $base ),
		array(),
		null,
		array(
			'in_footer' => true,
			'strategy'  => 'defer',
		)
	);

	$html = sprintf(
		'<iframe data-roamplan src="%s" title="%s" loading="lazy" style="width:100%%;border:0;height:%dpx" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>',
		esc_url( $src ),
		esc_attr( $title ),
		$height
	);
	$lines   = array_map( 'roamplan_comment', $notes );
	$lines[] = $html;
	return implode( "\n", $lines );
}

/**
 * [roamplan trip="HK:3,CN:2" lang="zh-Hant" cur="HKD" people="4" …]
 *
 * @param array|string $atts Attributes ('' when there are none).
 * @return string
 */
function roamplan_shortcode( $atts ) {
	$atts  = is_array( $atts ) ? $atts : array();
	$known = array_fill_keys( roamplan_attribute_names(), null );
	$notes = array();
	foreach ( array_keys( $atts ) as $name ) {
		if ( is_int( $name ) ) {
			$notes[] = __( 'ignored a value without an attribute name', 'roamplan' );
		} elseif ( ! array_key_exists( $name, $known ) ) {
			/* translators: %s: attribute name. */
			$notes[] = sprintf( __( 'ignored unknown attribute %s', 'roamplan' ), $name );
		}
	}
	return roamplan_render( shortcode_atts( $known, $atts, 'roamplan' ), $notes );
}

/**
 * The block's render_callback: the same HTML as the shortcode.
 *
 * @param array $attributes Block attributes.
 * @return string
 */
function roamplan_render_block( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	// Only the plugin's attributes (WordPress adds its own, e.g. lock, metadata).
	return roamplan_render( array_intersect_key( $attributes, array_flip( roamplan_attribute_names() ) ) );
}

/** Registers the shortcode and the block (block.json in this folder). */
function roamplan_init() {
	add_shortcode( 'roamplan', 'roamplan_shortcode' );
	register_block_type( __DIR__, array( 'render_callback' => 'roamplan_render_block' ) );
}
add_action( 'init', 'roamplan_init' );

/* Settings → roamplan: the widget's address. */

/**
 * Sanitises the widget's address on save; an invalid one keeps the old value
 * and shows an error.
 *
 * @param mixed $value As submitted.
 * @return string
 */
function roamplan_sanitize_base_url( $value ) {
	$value = is_string( $value ) ? trim( $value ) : '';
	if ( '' === $value ) {
		return '';
	}
	$clean = roamplan_clean_base_url( $value );
	if ( null === $clean ) {
		add_settings_error(
			ROAMPLAN_OPTION,
			'roamplan_base_url',
			__( 'The widget address must be an http:// or https:// address (or a path on this site starting with /), such as https://blog.example/tools/roamplan/index.html. The previous address is kept.', 'roamplan' )
		);
		return (string) get_option( ROAMPLAN_OPTION, '' );
	}
	return esc_url_raw( $clean );
}

/** Registers the setting, its section and field. */
function roamplan_admin_init() {
	register_setting(
		'roamplan',
		ROAMPLAN_OPTION,
		array(
			'type'              => 'string',
			'sanitize_callback' => 'roamplan_sanitize_base_url',
			'default'           => '',
		)
	);
	add_settings_section( 'roamplan_main', '', '__return_false', 'roamplan' );
	add_settings_field(
		'roamplan_base_url',
		__( 'Widget address', 'roamplan' ),
		'roamplan_field_base_url',
		'roamplan',
		'roamplan_main',
		array( 'label_for' => 'roamplan_base_url' )
	);
}
add_action( 'admin_init', 'roamplan_admin_init' );

/** The address field. */
function roamplan_field_base_url() {
	printf(
		'<input type="text" inputmode="url" class="regular-text code" id="roamplan_base_url" name="%s" value="%s" placeholder="https://blog.example/tools/roamplan/index.html">',
		esc_attr( ROAMPLAN_OPTION ),
		esc_attr( (string) get_option( ROAMPLAN_OPTION, '' ) )
	);
	echo '<p class="description">' . esc_html__( 'The address of index.html in the folder where you copied the widget (its dist/ folder). embed.js is loaded from the same folder.', 'roamplan' ) . '</p>';
}

/** Settings → roamplan. */
function roamplan_admin_menu() {
	add_options_page( __( 'roamplan', 'roamplan' ), __( 'roamplan', 'roamplan' ), 'manage_options', 'roamplan', 'roamplan_settings_page' );
}
add_action( 'admin_menu', 'roamplan_admin_menu' );

/** The settings page. */
function roamplan_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__( 'roamplan', 'roamplan' ) . '</h1>';
	echo '<p>' . esc_html__( 'Add the calculator with the roamplan block or the [roamplan] shortcode, e.g. [roamplan trip="HK:3,CN:2" lang="zh-Hant" cur="HKD" people="4"].', 'roamplan' ) . '</p>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'roamplan' );
	do_settings_sections( 'roamplan' );
	submit_button();
	echo '</form></div>';
}

/**
 * A "Settings" link next to the plugin on the Plugins screen.
 *
 * @param string[] $links Existing links.
 * @return string[]
 */
function roamplan_action_links( $links ) {
	$links[] = '<a href="' . esc_url( admin_url( 'options-general.php?page=roamplan' ) ) . '">' . esc_html__( 'Settings', 'roamplan' ) . '</a>';
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'roamplan_action_links' );
