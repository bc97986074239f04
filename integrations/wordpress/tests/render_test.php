<?php
/**
 * Tests of the roamplan WordPress plugin without WordPress: minimal stubs of
 * the WordPress functions it uses (escaping and shortcode parsing follow
 * WordPress's own code for the cases tested), then the plugin is loaded and
 * its shortcode and block rendered.
 *
 *     php integrations/wordpress/tests/render_test.php
 *
 * Last line: `wordpress: N passed, M failed`; exit status 1 on any failure.
 */

error_reporting( E_ALL );
set_error_handler(
	function ( $severity, $message, $file, $line ) {
		throw new ErrorException( $message, 0, $severity, $file, $line );
	}
);

define( 'ABSPATH', '/tmp/wordpress/' );
$plugin_dir = dirname( __DIR__ ) . '/roamplan';

/* ---------------------------------------------------------------- stubs */

$wp = array(
	'actions'        => array(),
	'shortcodes'     => array(),
	'blocks'         => array(),
	'options'        => array(),
	'settings_errors' => array(),
	'scripts'        => array(),
);

function test_reset_scripts() {
	global $wp;
	$wp['scripts'] = array(
		'registered' => array(),
		'queue'      => array(),
		'calls'      => 0,
	);
}
test_reset_scripts();

function add_action( $hook, $callback, $priority = 10, $accepted_args = 1 ) {
	global $wp;
	$wp['actions'][ $hook ][] = $callback;
	return true;
}
function add_filter( $hook, $callback, $priority = 10, $accepted_args = 1 ) {
	return add_action( $hook, $callback, $priority, $accepted_args );
}
function apply_filters( $hook, $value ) {
	return $value;
}
function do_action( $hook ) {
	global $wp;
	foreach ( isset( $wp['actions'][ $hook ] ) ? $wp['actions'][ $hook ] : array() as $callback ) {
		call_user_func( $callback );
	}
}
function plugin_basename( $file ) {
	return basename( dirname( $file ) ) . '/' . basename( $file );
}
function __( $text, $domain = 'default' ) {
	return $text;
}
function esc_html__( $text, $domain = 'default' ) {
	return esc_html( __( $text, $domain ) );
}

function get_option( $name, $default = false ) {
	global $wp;
	return array_key_exists( $name, $wp['options'] ) ? $wp['options'][ $name ] : $default;
}
function update_option( $name, $value ) {
	global $wp;
	$wp['options'][ $name ] = $value;
	return true;
}
function delete_option( $name ) {
	global $wp;
	unset( $wp['options'][ $name ] );
	return true;
}
function add_settings_error( $setting, $code, $message, $type = 'error' ) {
	global $wp;
	$wp['settings_errors'][] = compact( 'setting', 'code', 'message', 'type' );
}

// Escaping: WordPress's _wp_specialchars() with ENT_QUOTES and no double
// encoding of valid entities; esc_url() as in wp-includes/formatting.php.
function test_specialchars( $text ) {
	$text = (string) $text;
	if ( 0 === strlen( $text ) || ! preg_match( '/[&<>"\']/', $text ) ) {
		return $text;
	}
	return htmlspecialchars( $text, ENT_QUOTES, 'UTF-8', false );
}
function esc_attr( $text ) {
	return test_specialchars( $text );
}
function esc_html( $text ) {
	return test_specialchars( $text );
}
function wp_kses_normalize_entities( $content ) {
	return preg_replace( '/&(?!(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{0,31});)/i', '&amp;', $content );
}
function wp_allowed_protocols() {
	return array( 'http', 'https', 'ftp', 'ftps', 'mailto', 'news', 'irc', 'irc6', 'ircs', 'gopher', 'nntp', 'feed', 'telnet', 'mms', 'rtsp', 'sms', 'svn', 'tel', 'fax', 'xmpp', 'webcal', 'urn' );
}
function wp_kses_bad_protocol( $content, $allowed ) {
	$parts = preg_split( '/:|&#0*58;|&#x0*3a;/i', $content, 2 );
	if ( isset( $parts[1] ) && ! preg_match( '%/\?%', $parts[0] ) ) {
		$scheme = strtolower( preg_replace( '/[^a-z0-9]/i', '', $parts[0] ) );
		return in_array( $scheme, $allowed, true ) ? $scheme . ':' . trim( $parts[1] ) : trim( $parts[1] );
	}
	return $content;
}
function esc_url( $url, $protocols = null, $_context = 'display' ) {
	if ( '' === $url ) {
		return $url;
	}
	$url = str_replace( ' ', '%20', ltrim( $url ) );
	$url = preg_replace( '|[^a-z0-9-~+_.?#=!&;,/:%@$\|*\'()\[\]\\x80-\\xff]|i', '', $url );
	if ( '' === $url ) {
		return $url;
	}
	if ( 0 !== stripos( $url, 'mailto:' ) ) {
		do {
			$before = $url;
			$url    = str_replace( array( '%0d', '%0a', '%0D', '%0A' ), '', $url );
		} while ( $before !== $url );
	}
	$url = str_replace( ';//', '://', $url );
	if ( false === strpos( $url, ':' ) && ! in_array( $url[0], array( '/', '#', '?' ), true ) && ! preg_match( '/^[a-z0-9-]+?\.php/i', $url ) ) {
		$url = 'http://' . $url;
	}
	if ( 'display' === $_context ) {
		$url = wp_kses_normalize_entities( $url );
		$url = str_replace( '&amp;', '&#038;', $url );
		$url = str_replace( "'", '&#039;', $url );
	}
	if ( '/' === $url[0] ) {
		return $url;
	}
	$good = wp_kses_bad_protocol( $url, is_array( $protocols ) ? $protocols : wp_allowed_protocols() );
	return strtolower( $good ) === strtolower( $url ) ? $good : '';
}
function esc_url_raw( $url, $protocols = null ) {
	return esc_url( $url, $protocols, 'db' );
}

// Shortcodes: WordPress's shortcode_parse_atts() and shortcode_atts().
function add_shortcode( $tag, $callback ) {
	global $wp;
	$wp['shortcodes'][ $tag ] = $callback;
}
function shortcode_parse_atts( $text ) {
	$atts    = array();
	$pattern = '/([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*\'([^\']*)\'(?:\s|$)|([\w-]+)\s*=\s*([^\s\'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|\'([^\']*)\'(?:\s|$)|(\S+)(?:\s|$)/';
	$text    = preg_replace( "/[\x{00a0}\x{200b}]+/u", ' ', $text );
	if ( preg_match_all( $pattern, $text, $match, PREG_SET_ORDER ) ) {
		foreach ( $match as $m ) {
			if ( ! empty( $m[1] ) ) {
				$atts[ strtolower( $m[1] ) ] = stripcslashes( $m[2] );
			} elseif ( ! empty( $m[3] ) ) {
				$atts[ strtolower( $m[3] ) ] = stripcslashes( $m[4] );
			} elseif ( ! empty( $m[5] ) ) {
				$atts[ strtolower( $m[5] ) ] = stripcslashes( $m[6] );
			} elseif ( isset( $m[7] ) && strlen( $m[7] ) ) {
				$atts[] = stripcslashes( $m[7] );
			} elseif ( isset( $m[8] ) && strlen( $m[8] ) ) {
				$atts[] = stripcslashes( $m[8] );
			} elseif ( isset( $m[9] ) ) {
				$atts[] = stripcslashes( $m[9] );
			}
		}
		// Reject any unclosed HTML elements.
		foreach ( $atts as &$value ) {
			if ( false !== strpos( $value, '<' ) && 1 !== preg_match( '/^[^<]*+(?:<[^>]*+>[^<]*+)*+$/', $value ) ) {
				$value = '';
			}
		}
		unset( $value );
	} else {
		$atts = ltrim( $text );
	}
	return $atts;
}
function shortcode_atts( $pairs, $atts, $shortcode = '' ) {
	$atts = (array) $atts;
	$out  = array();
	foreach ( $pairs as $name => $default ) {
		$out[ $name ] = array_key_exists( $name, $atts ) ? $atts[ $name ] : $default;
	}
	return $out;
}
// Self-closing shortcodes only ([roamplan …]), as the plugin registers.
function do_shortcode( $content ) {
	global $wp;
	$tags = implode( '|', array_map( 'preg_quote', array_keys( $wp['shortcodes'] ) ) );
	return preg_replace_callback(
		'/\[(' . $tags . ')(?![\w-])([^\]]*)\]/',
		function ( $m ) use ( $wp ) {
			return call_user_func( $wp['shortcodes'][ $m[1] ], shortcode_parse_atts( $m[2] ), '', $m[1] );
		},
		$content
	);
}

// Blocks: register_block_type() reads block.json from a folder or file.
function register_block_type( $path, $args = array() ) {
	global $wp;
	$file     = is_dir( $path ) ? rtrim( $path, '/' ) . '/block.json' : $path;
	$metadata = json_decode( file_get_contents( $file ), true );
	$wp['blocks'][ $metadata['name'] ] = array(
		'metadata' => $metadata,
		'args'     => $args,
		'dir'      => dirname( $file ),
	);
	return true;
}

// Scripts: WP_Scripts keeps one registration and one queue entry per handle.
function wp_enqueue_script( $handle, $src = '', $deps = array(), $ver = false, $args = array() ) {
	global $wp;
	$wp['scripts']['calls']++;
	if ( $src && ! isset( $wp['scripts']['registered'][ $handle ] ) ) {
		$wp['scripts']['registered'][ $handle ] = compact( 'src', 'deps', 'ver', 'args' );
	}
	if ( ! in_array( $handle, $wp['scripts']['queue'], true ) ) {
		$wp['scripts']['queue'][] = $handle;
	}
}
// What wp_print_footer_scripts() prints for the queue (WordPress 6.3+ markup).
function test_print_footer_scripts() {
	global $wp;
	$out = '';
	foreach ( $wp['scripts']['queue'] as $handle ) {
		$script = $wp['scripts']['registered'][ $handle ];
		$args   = is_array( $script['args'] ) ? $script['args'] : array( 'in_footer' => (bool) $script['args'] );
		if ( empty( $args['in_footer'] ) ) {
			continue;
		}
		$src  = null === $script['ver'] ? $script['src'] : $script['src'] . '?ver=' . ( false === $script['ver'] ? '6.8' : $script['ver'] );
		$out .= sprintf(
			'<script src="%s" id="%s-js"%s></script>' . "\n",
			esc_url( $src ),
			esc_attr( $handle ),
			empty( $args['strategy'] ) ? '' : ' ' . $args['strategy'] . ' data-wp-strategy="' . esc_attr( $args['strategy'] ) . '"'
		);
	}
	return $out;
}

/* ---------------------------------------------------------------- checks */

$passed = 0;
$failed = 0;

function check( $ok, $name, $detail = '' ) {
	global $passed, $failed;
	if ( $ok ) {
		$passed++;
		echo "  ok    $name\n";
	} else {
		$failed++;
		echo "  FAIL  $name\n";
		if ( '' !== $detail ) {
			echo '        ' . str_replace( "\n", "\n        ", $detail ) . "\n";
		}
	}
}

function section( $title ) {
	echo "-- $title\n";
}

/** The iframe's src, entities decoded (as the browser reads it), or null. */
function iframe_src( $html ) {
	return preg_match( '/<iframe data-roamplan src="([^"]*)"/', $html, $m ) ? html_entity_decode( $m[1], ENT_QUOTES | ENT_HTML5, 'UTF-8' ) : null;
}

/** The src's query as ordered [key, value] pairs, decoded as the widget decodes them. */
function query_pairs( $src ) {
	$query = (string) parse_url( (string) $src, PHP_URL_QUERY );
	$pairs = array();
	foreach ( '' === $query ? array() : explode( '&', $query ) as $part ) {
		$kv      = explode( '=', $part, 2 );
		$pairs[] = array( urldecode( $kv[0] ), urldecode( isset( $kv[1] ) ? $kv[1] : '' ) );
	}
	return $pairs;
}

function query_map( $src ) {
	$map = array();
	foreach ( query_pairs( $src ) as $pair ) {
		$map[ $pair[0] ] = $pair[1];
	}
	return $map;
}

/**
 * The whole output is: comments for the blogger (that cannot close early),
 * then exactly the README's iframe, with no other attribute or element.
 */
function well_formed( $html ) {
	return 1 === preg_match(
		'~\A(?:<!-- roamplan: (?:(?!--)[^<>])* -->\n)*<iframe data-roamplan src="[^"<>\s]+" title="[^"<>]*" loading="lazy" style="width:100%;border:0;height:\d{3,5}px" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>\z~',
		$html
	);
}

function shortcode( $attributes ) {
	return do_shortcode( $attributes );
}

function render_block( $attributes ) {
	global $wp;
	return call_user_func( $wp['blocks']['roamplan/widget']['args']['render_callback'], $attributes, '', null );
}

/* ---------------------------------------------------------------- tests */

section( 'plugin files' );
$header = file_get_contents( "$plugin_dir/roamplan.php" );
check( 1 === preg_match( '/^ \* Plugin Name:\s+roamplan$/m', $header ), 'roamplan.php has a plugin header' );
check( 1 === preg_match( '/^ \* Text Domain:\s+roamplan$/m', $header ), 'text domain roamplan' );
check( 1 === preg_match( '/^ \* License:\s+\S/m', $header ) && false !== stripos( $header, 'compatible with the GNU GPL' ), 'licence and its GPL compatibility are stated' );
check( 0 === strpos( file_get_contents( "$plugin_dir/readme.txt" ), '=== roamplan ===' ), 'readme.txt in WordPress format' );

require "$plugin_dir/roamplan.php";
do_action( 'init' );

section( 'registration' );
check( isset( $wp['shortcodes']['roamplan'] ), 'shortcode [roamplan] registered on init' );
$block = isset( $wp['blocks']['roamplan/widget'] ) ? $wp['blocks']['roamplan/widget'] : null;
check( null !== $block, 'block roamplan/widget registered from block.json' );
check( is_callable( $block['args']['render_callback'] ), 'the block is rendered server-side (render_callback)' );
check( array_keys( $block['metadata']['attributes'] ) === roamplan_attribute_names(), 'the block has exactly the shortcode\'s attributes', implode( ',', array_keys( $block['metadata']['attributes'] ) ) );
check(
	array( 'string' ) === array_values( array_unique( array_column( $block['metadata']['attributes'], 'type' ) ) ),
	'every block attribute is a string, checked like a shortcode value'
);
check( 'roamplan' === $block['metadata']['textdomain'], 'block.json text domain' );
$editor_script = $block['dir'] . '/' . substr( $block['metadata']['editorScript'], strlen( 'file:./' ) );
check( is_file( $editor_script ) && is_file( preg_replace( '/\.js$/', '.asset.php', $editor_script ) ), 'block.js and its asset file exist' );
$block_js = file_get_contents( $editor_script );
$missing  = array_filter(
	roamplan_attribute_names(),
	function ( $key ) use ( $block_js ) {
		return false === strpos( $block_js, "'$key'" );
	}
);
check( array() === array_values( $missing ), 'block.js offers a control for every attribute', implode( ',', $missing ) );
check( 1 === preg_match( '/\bwp\.blocks\.registerBlockType\b/', $block_js ) && false === strpos( $block_js, 'import ' ) && false === strpos( $block_js, 'require(' ), 'block.js uses the global wp, no imports' );

section( 'no widget address yet' );
test_reset_scripts();
$html = shortcode( '[roamplan trip="HK:3"]' );
check( false === strpos( $html, '<iframe' ), 'no iframe without a base URL', $html );
check( false !== strpos( $html, '<!-- roamplan: no widget address yet: set it under Settings → roamplan -->' ), 'a comment tells the blogger where to set it', $html );
check( 0 === $wp['scripts']['calls'], 'nothing enqueued' );
update_option( ROAMPLAN_OPTION, 'javascript:alert(1)' );
check( false === strpos( shortcode( '[roamplan]' ), '<iframe' ), 'a stored javascript: address is treated as none' );

$base = 'https://blog.example/tools/roamplan/index.html';
update_option( ROAMPLAN_OPTION, $base );

section( 'settings land in the iframe URL' );
test_reset_scripts();
$html = shortcode( '[roamplan trip="HK:3,CN:2" lang="zh-Hant" cur="HKD" people="4"]' );
$expected = '<iframe data-roamplan src="https://blog.example/tools/roamplan/index.html?trip=HK:3,CN:2&#038;people=4&#038;cur=HKD&#038;lang=zh-Hant&#038;theme=light" title="Mobile data for your trip" loading="lazy" style="width:100%;border:0;height:900px" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>';
check( $expected === $html, 'the README iframe, settings in the link', "got:      $html\nexpected: $expected" );
check( well_formed( $html ), 'well formed' );

$all = '[roamplan trip="hk:3, cn:4,MO:1" people="4" together="0" mb="2048,2048,300,300" home="hk" esim="1,1,0,0" carrier="AT&T Mobility" plan="free-5g" cur="hkd" lang="ZH-HANT" start="2026-07-01" hp_price="19,99" hp_cur="eur" hp_gb="100" catalogue="https://blog.example/plans.json?v=2&amp;x=%C3%A9" theme="dark" focus="hk,mo" height="1200" title="Data & roaming: \'HK\'"]';
$html = shortcode( $all );
$src  = iframe_src( $html );
check( well_formed( $html ), 'every key at once: well formed', $html );
check(
	array(
		array( 'trip', 'HK:3,CN:4,MO:1' ),
		array( 'people', '4' ),
		array( 'together', '0' ),
		array( 'mb', '2048,2048,300,300' ),
		array( 'home', 'HK' ),
		array( 'esim', '1,1,0,0' ),
		array( 'carrier', 'AT&T Mobility' ),
		array( 'plan', 'free-5g' ),
		array( 'cur', 'HKD' ),
		array( 'lang', 'zh-Hant' ),
		array( 'start', '2026-07-01' ),
		array( 'hp_price', '19.99' ),
		array( 'hp_cur', 'EUR' ),
		array( 'hp_gb', '100' ),
		array( 'catalogue', 'https://blog.example/plans.json?v=2&x=%C3%A9' ),
		array( 'theme', 'dark' ),
		array( 'focus', 'HK,MO' ),
	) === query_pairs( $src ),
	'every contract key reaches the widget, normalised, in order',
	var_export( query_pairs( $src ), true )
);
check( false !== strpos( $html, 'carrier=AT%26T%20Mobility&#038;' ), 'values are percent-encoded (& and space)', $html );
check( false !== strpos( $html, 'catalogue=https:%2F%2Fblog.example%2Fplans.json%3Fv%3D2%26x%3D%25C3%25A9&#038;' ), 'a catalogue address is one encoded value (its & and % too)', $html );
check( false !== strpos( $html, 'title="Data &amp; roaming: &#039;HK&#039;"' ), 'the title is escaped as an attribute', $html );
check( false !== strpos( $html, 'height:1200px' ), 'height sets the frame\'s starting height' );
check( ! isset( query_map( $src )['height'] ) && ! isset( query_map( $src )['title'] ), 'height and title stay out of the widget\'s link' );
check( false === strpos( $html, '<!--' ), 'no comment when every value is valid' );

section( 'defaults: follow the reader' );
$html = shortcode( '[roamplan]' );
check( $base . '?theme=light' === iframe_src( $html ), 'a bare [roamplan] sets only the light theme', (string) iframe_src( $html ) );
check( 1 === preg_match( '/^[^?]*\?theme=light$/', iframe_src( shortcode( '[roamplan trip=""]' ) ) ), 'an empty attribute is not set (and not reported)' );
$src = iframe_src( shortcode( '[roamplan trip="FR:4,IT:3"]' ) );
check( ! isset( query_map( $src )['start'] ), 'no start date unless given: the widget uses the reader\'s today', $src );
check( ! isset( query_map( $src )['lang'] ) && ! isset( query_map( $src )['cur'] ), 'no lang or cur unless given: they follow the reader', $src );
$src = iframe_src( shortcode( '[roamplan trip="FR:4" start="2026-07-01"]' ) );
check( '2026-07-01' === query_map( $src )['start'], 'start when given', $src );
$src = iframe_src( shortcode( '[roamplan theme="auto"]' ) );
check( 'auto' === query_map( $src )['theme'], 'theme auto when given' );

section( 'hostile and invalid values are dropped with a comment' );
$cases = array(
	array( 'cur', '\'"><script>alert(1)</script>\'', '<script' ),
	array( 'title', '\'"><script>alert(1)</script>\'', '<script' ),
	array( 'carrier', '\'"><img src=x onerror=alert(1)>\'', 'onerror' ),
	array( 'lang', '\'en" onload="alert(1)\'', 'onload' ),
	array( 'catalogue', '"javascript:alert(1)"', 'javascript' ),
	array( 'catalogue', '"JaVaScRiPt:alert(document.cookie)//https://x.example/"', 'javascript' ),
	array( 'catalogue', '"data:application/json,{}"', 'data:' ),
	array( 'catalogue', '"//evil.example/plans.json"', 'evil' ),
	array( 'catalogue', '"https://blog.example/my plans.json"', 'my plans' ),
	array( 'catalogue', '\'https://blog.example/p.json"><script>alert(1)</script>\'', '<script' ),
	array( 'trip', '"' . implode( ',', array_fill( 0, 25, 'FR:1' ) ) . '"', 'FR:1,FR:1' ),
	array( 'trip', '"HK:3;alert(1)"', 'alert' ),
	array( 'trip', '"HK:0"', 'HK:0' ),
	array( 'trip', '"FR:100,CH:30"', 'FR:100' ),
	array( 'lang', '"de"', 'lang=de' ),
	array( 'people', '"0"', 'people=' ),
	array( 'people', '"13"', 'people=' ),
	array( 'people', '"2.5"', 'people=' ),
	array( 'together', '"2"', 'together=' ),
	array( 'mb', '"lots"', 'mb=' ),
	array( 'mb', '"102401"', 'mb=' ),
	array( 'mb', '"' . implode( ',', array_fill( 0, 13, '300' ) ) . '"', 'mb=' ),
	array( 'home', '"HKG"', 'home=' ),
	array( 'esim', '"yes"', 'esim=' ),
	array( 'carrier', '"' . str_repeat( 'x', 81 ) . '"', 'carrier=' ),
	array( 'plan', '"../../wp-admin"', 'wp-admin' ),
	array( 'hp_price', '"0"', 'hp_price=' ),
	array( 'hp_price', '"19.999"', 'hp_price=' ),
	array( 'hp_price', '"1e3"', 'hp_price=' ),
	array( 'hp_cur', '"EURO"', 'hp_cur=' ),
	array( 'hp_gb', '"100001"', 'hp_gb=' ),
	array( 'start', '"2026-02-30"', 'start=' ),
	array( 'start', '"2026-7-1"', 'start=' ),
	array( 'start', '\'2026-07-01" onload="x\'', 'onload' ),
	array( 'theme', '"neon"', 'neon' ),
	array( 'focus', '"HK,MOX"', 'focus=' ),
	array( 'height', '"99999"', '99999' ),
	array( 'height', '"900;position:fixed"', 'position' ),
);
foreach ( $cases as $case ) {
	list( $key, $quoted, $needle ) = $case;
	$html    = shortcode( "[roamplan trip=\"JP:5\" $key=$quoted]" );
	$src     = iframe_src( $html );
	$map     = query_map( $src );
	$label   = "$key=$quoted";
	$comment = "<!-- roamplan: ignored attribute $key (must be " . roamplan_expected( $key ) . '); the default applies -->';
	$ok      = well_formed( $html )
		&& false !== strpos( $html, $comment )
		&& false === stripos( $html, $needle )
		&& ( 'trip' === $key ? ! isset( $map['trip'] ) : 'JP:5' === $map['trip'] )
		&& ( 'theme' === $key ? 'light' === $map['theme'] : ! isset( $map[ $key ] ) )
		&& ( 'height' !== $key || false !== strpos( $html, 'height:900px' ) )
		&& ( 'title' !== $key || false !== strpos( $html, 'title="Mobile data for your trip"' ) );
	check( $ok, "dropped with a comment, never raw: $label", $html );
}
$html = shortcode( '[roamplan trip="JP:5" cur=\'"><script>alert(1)</script>\' lang="de" catalogue="javascript:alert(1)" people="4"]' );
check( well_formed( $html ) && 3 === substr_count( $html, '<!-- roamplan: ignored attribute' ), 'several bad values: one comment each', $html );
check( array( 'trip' => 'JP:5', 'people' => '4', 'theme' => 'light' ) === query_map( iframe_src( $html ) ), 'the valid ones still apply', (string) iframe_src( $html ) );
check( false === stripos( $html, 'script>' ) && false === stripos( $html, 'javascript' ), 'none appears raw' );

section( 'unknown attributes' );
$html = shortcode( '[roamplan trip="JP:5" foo="bar" onload="alert(1)" style="position:fixed" loose]' );
check( well_formed( $html ), 'the iframe keeps only its own attributes', $html );
check( array( 'trip' => 'JP:5', 'theme' => 'light' ) === query_map( iframe_src( $html ) ), 'unknown attributes never reach the link', (string) iframe_src( $html ) );
check(
	false !== strpos( $html, '<!-- roamplan: ignored unknown attribute foo -->' )
		&& false !== strpos( $html, '<!-- roamplan: ignored unknown attribute onload -->' )
		&& false !== strpos( $html, '<!-- roamplan: ignored a value without an attribute name -->' ),
	'each is named in a comment for the blogger',
	$html
);
check( false === strpos( $html, 'bar' ) && false === strpos( $html, 'alert' ), 'their values are not echoed' );
$html = shortcode( '[roamplan trip="JP:5" x--y="1"]' );
check( well_formed( $html ), 'a name with -- cannot close the comment early', $html );

section( 'block render equals shortcode render' );
$same = array(
	array( '[roamplan]', array() ),
	array( '[roamplan trip="HK:3,CN:2" lang="zh-Hant" cur="HKD" people="4"]', array( 'trip' => 'HK:3,CN:2', 'lang' => 'zh-Hant', 'cur' => 'HKD', 'people' => '4' ) ),
	array( $all, shortcode_parse_atts( substr( $all, strlen( '[roamplan' ), -1 ) ) ),
	array( '[roamplan trip="JP:5" cur=\'"><script>alert(1)</script>\' lang="de" catalogue="javascript:alert(1)"]', array( 'trip' => 'JP:5', 'cur' => '"><script>alert(1)</script>', 'lang' => 'de', 'catalogue' => 'javascript:alert(1)' ) ),
	array( '[roamplan trip="" height="1500px" theme="dark"]', array( 'trip' => '', 'height' => '1500px', 'theme' => 'dark' ) ),
);
foreach ( $same as $i => $pair ) {
	$from_shortcode = shortcode( $pair[0] );
	$from_block     = render_block( $pair[1] );
	check( $from_shortcode === $from_block, "identical HTML, case $i", "shortcode: $from_shortcode\nblock:     $from_block" );
}
$with_wp_attributes = render_block(
	array(
		'trip'     => 'HK:3',
		'lock'     => array( 'move' => true ),
		'metadata' => array( 'name' => 'Trip' ),
	)
);
check( shortcode( '[roamplan trip="HK:3"]' ) === $with_wp_attributes, 'WordPress\'s own block attributes (lock, metadata) are left out', $with_wp_attributes );
check( well_formed( render_block( array( 'trip' => array( 'HK:3' ), 'people' => 4 ) ) ), 'non-string block values are checked too' );

section( 'one embed.js per page' );
test_reset_scripts();
$page = "<p>Hong Kong first.</p>\n[roamplan trip=\"HK:3\"]\n<p>Then Macau.</p>\n[roamplan trip=\"MO:1\" lang=\"fr\"]\n" . render_block( array( 'trip' => 'CN:4' ) ) . "\n[roamplan]";
$page = do_shortcode( $page );
$footer = test_print_footer_scripts();
check( 4 === substr_count( $page, '<iframe data-roamplan' ), 'four widgets on the page' );
check( 1 === substr_count( $footer, 'embed.js' ) && 1 === substr_count( $footer, '<script' ), 'one embed.js script tag for them all', $footer );
check( '<script src="https://blog.example/tools/roamplan/embed.js" id="roamplan-embed-js" defer data-wp-strategy="defer"></script>' . "\n" === $footer, 'from the widget\'s folder, deferred, no version query', $footer );
$script = $wp['scripts']['registered']['roamplan-embed'];
check( array() === $script['deps'] && null === $script['ver'] && true === $script['args']['in_footer'], 'enqueued in the footer, no dependencies' );
check( false === strpos( $page, '<script' ), 'no script tag inside the content' );

section( 'base URL' );
$variants = array(
	'https://blog.example/tools/roamplan/'          => array( 'https://blog.example/tools/roamplan/?theme=light', 'https://blog.example/tools/roamplan/embed.js' ),
	'https://blog.example'                          => array( 'https://blog.example/?theme=light', 'https://blog.example/embed.js' ),
	'/tools/roamplan/index.html'                    => array( '/tools/roamplan/index.html?theme=light', '/tools/roamplan/embed.js' ),
	'https://blog.example/r/index.html?x=1#top'     => array( 'https://blog.example/r/index.html?theme=light', 'https://blog.example/r/embed.js' ),
);
foreach ( $variants as $option => $want ) {
	update_option( ROAMPLAN_OPTION, $option );
	test_reset_scripts();
	$src = iframe_src( shortcode( '[roamplan]' ) );
	check( $want[0] === $src && $want[1] === $wp['scripts']['registered']['roamplan-embed']['src'], "base $option", "iframe $src, script " . $wp['scripts']['registered']['roamplan-embed']['src'] );
}
update_option( ROAMPLAN_OPTION, $base );

section( 'settings page: the address is checked on save' );
$wp['settings_errors'] = array();
check( $base === roamplan_sanitize_base_url( "  $base " ), 'a valid https address is kept' );
check( '/tools/roamplan/index.html' === roamplan_sanitize_base_url( '/tools/roamplan/index.html' ), 'a path on this site is kept' );
check( '' === roamplan_sanitize_base_url( '' ), 'empty clears it' );
check( array() === $wp['settings_errors'], 'no error for those' );
foreach ( array( 'javascript:alert(1)', '//evil.example/index.html', '/\\evil.example/', 'https://blog.example/"><script>', 'ftp://blog.example/index.html', 'index.html' ) as $bad ) {
	$wp['settings_errors'] = array();
	check( $base === roamplan_sanitize_base_url( $bad ) && 1 === count( $wp['settings_errors'] ), "refused, previous kept: $bad" );
}

section( 'uninstall' );
define( 'WP_UNINSTALL_PLUGIN', 'roamplan/roamplan.php' );
require "$plugin_dir/uninstall.php";
check( false === get_option( ROAMPLAN_OPTION ), 'uninstall.php deletes the option' );

echo "wordpress: $passed passed, $failed failed\n";
exit( $failed > 0 ? 1 : 0 );
